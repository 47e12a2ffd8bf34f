using Microsoft.Extensions.DependencyInjection;
using NetDoctor.Cli.Commands;
using NetDoctor.Cli.Composition;

namespace NetDoctor.Cli;

/// <summary>Runs the CLI with the given writers: the program's Main and the in-process CLI tests share this entry.</summary>
public static class CliHost
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool interactive = false, CancellationToken ct = default)
    {
        using var provider = new ServiceCollection().AddNetDoctorCli(output, error, interactive).BuildServiceProvider();
        return await provider.GetRequiredService<NetDoctorApp>().RunAsync(args, ct);
    }
}
