using System.CommandLine;

namespace NetDoctor.Cli.Commands;

/// <summary>Builds the command tree from the registered commands and maps failures to the contract's exit codes.</summary>
public sealed class NetDoctorApp(IEnumerable<ICliCommand> commands, CliConsole console)
{
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("NetDoctor diagnoses Kubernetes pod and service networking failures (Calico, kube-proxy, node routing) from node and cluster facts.");
        foreach (var command in commands) root.Subcommands.Add(command.Build());

        var parsed = root.Parse(args, new ParserConfiguration());
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) console.Error.WriteLine($"netdoctor: {error.Message}");
            console.Error.WriteLine("netdoctor: see 'netdoctor --help'");
            return ExitCodes.Usage;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (UsageException e)
        {
            console.Error.WriteLine($"netdoctor: {e.Message}");
            return ExitCodes.Usage;
        }
    }
}
