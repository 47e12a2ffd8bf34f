using System.CommandLine;

namespace NetDoctor.Cli.Commands;

/// <summary>
/// Builds the command tree from the registered commands and maps failures to the contract's exit codes. An unknown
/// command is said to be one, first; `netdoctor help [COMMAND]` is help; `--list-samples` is `samples`.
/// </summary>
public sealed class NetDoctorApp(IEnumerable<ICliCommand> commands, SamplesCommand samples, CliConsole console)
{
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("NetDoctor diagnoses Kubernetes pod and service networking failures (Calico, kube-proxy, node routing) from node and cluster facts.");
        foreach (var command in commands) root.Subcommands.Add(command.Build());
        var listSamples = new Option<bool>("--list-samples") { Description = "Print where the shipped sample bundles are (same as 'netdoctor samples')." };
        root.Options.Add(listSamples);
        root.Subcommands.Add(Help(root));
        root.SetAction(parse =>
        {
            if (parse.GetValue(listSamples)) return samples.List();
            // `netdoctor` alone: what there is to do, as a usage error (nothing was asked).
            root.Parse(["--help"]).Invoke(Invocation());
            return ExitCodes.Usage;
        });

        if (args.Length > 0 && !args[0].StartsWith('-') && root.Subcommands.All(c => c.Name != args[0]))
            return Unknown(args[0], root);

        var parsed = root.Parse(args, new ParserConfiguration());
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) console.Error.WriteLine($"netdoctor: {error.Message}");
            console.Error.WriteLine($"netdoctor: see 'netdoctor help{(parsed.CommandResult.Command is { } c && c != root ? " " + c.Name : "")}'");
            return ExitCodes.Usage;
        }
        try
        {
            return await parsed.InvokeAsync(Invocation(), cancellationToken);
        }
        catch (UsageException e)
        {
            console.Error.WriteLine($"netdoctor: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C while reading or diagnosing: what was found so far is not a verdict.
            console.Error.WriteLine("netdoctor: interrupted");
            return ExitCodes.Interrupted;
        }
    }

    private InvocationConfiguration Invocation() => new() { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };

    /// <summary>`netdoctor help [COMMAND]`: the same text as `--help`, for people who type the word.</summary>
    private Command Help(RootCommand root)
    {
        var name = new Argument<string?>("COMMAND") { Description = "The command to describe.", Arity = ArgumentArity.ZeroOrOne };
        var help = new Command("help", "Show help for netdoctor or one of its commands.") { name };
        help.SetAction(parse =>
        {
            string? wanted = parse.GetValue(name);
            if (wanted is not null && root.Subcommands.All(c => c.Name != wanted)) return Unknown(wanted, root);
            root.Parse(wanted is null ? ["--help"] : [wanted, "--help"]).Invoke(Invocation());
            return ExitCodes.Ok;
        });
        return help;
    }

    private int Unknown(string name, RootCommand root)
    {
        var names = root.Subcommands.Select(c => c.Name).ToList();
        var near = names.Where(n => n.StartsWith(name[..Math.Min(2, name.Length)], StringComparison.OrdinalIgnoreCase) || name.Contains(n, StringComparison.OrdinalIgnoreCase)).ToList();
        console.Error.WriteLine($"netdoctor: unknown command '{name}'" + (near.Count > 0 ? $" (did you mean {string.Join(" or ", near)}?)" : ""));
        console.Error.WriteLine($"netdoctor: commands: {string.Join(", ", names)}; see 'netdoctor help'");
        return ExitCodes.Usage;
    }
}
