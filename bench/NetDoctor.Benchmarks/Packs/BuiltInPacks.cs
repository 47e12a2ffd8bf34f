using NetDoctor.Cli.Pipeline;
using NetDoctor.Hosting;
using NetDoctor.Packs.Loading;

namespace NetDoctor.Benchmarks.Packs;

/// <summary>
/// The built-in packs exactly as `netdoctor run` loads them: the shared composition (<see cref="NetDoctorHost"/>, which the
/// CLI's composition root also calls) over rulepacks/ beside the program (copied beside the benchmarks by the CLI project
/// reference), with the calico C# rules constructed through DI.
/// </summary>
internal static class BuiltInPacks
{
    public static LoadedPacks Load()
    {
        if (!Directory.Exists(PackSet.BuiltInDirectory))
        {
            // The composition skips a missing built-in directory (a CLI may run --packs only); a benchmark of no rules would be a lie.
            throw new InvalidOperationException($"built-in packs not found at {PackSet.BuiltInDirectory}");
        }
        using var host = NetDoctorHost.Create(new NetDoctorOptions { BuiltInPacks = PackSet.BuiltInDirectory });
        var packs = host.LoadPacks();
        if (packs.HasErrors) throw new InvalidOperationException("invalid built-in pack(s): " + string.Join("; ", packs.Errors));
        return packs;
    }
}
