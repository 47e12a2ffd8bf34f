using Microsoft.Extensions.DependencyInjection;
using NetDoctor.Cli.Composition;
using NetDoctor.Cli.Pipeline;
using NetDoctor.Packs.Loading;

namespace NetDoctor.Benchmarks.Packs;

/// <summary>
/// The built-in packs exactly as `netdoctor run` loads them: the CLI's composition root builds its PackSet, which reads
/// rulepacks/ beside the program (copied beside the benchmarks by the CLI project reference) with the calico pack's C#
/// half (named in its pack.yaml, compiled into the program), rules constructed through DI (CSharpPacks).
/// </summary>
internal static class BuiltInPacks
{
    public static LoadedPacks Load()
    {
        if (!Directory.Exists(PackSet.BuiltInDirectory))
        {
            // PackSet skips a missing built-in directory (a CLI may run --packs only); a benchmark of no rules would be a lie.
            throw new InvalidOperationException($"built-in packs not found at {PackSet.BuiltInDirectory}");
        }
        var services = new ServiceCollection().AddNetDoctorCli(TextWriter.Null, TextWriter.Null, NetDoctor.Cli.Reporting.Text.Terminal.Plain, interactive: false).BuildServiceProvider();
        return services.GetRequiredService<PackSet>().Load([]);
    }
}
