using NetDoctor.Engine;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Testing;
using NetDoctor.Packs.Vetting;

namespace NetDoctor.Hosting;

/// <summary>
/// The one place packs are discovered and loaded: the built-in folder plus the folders a command names, each pack with
/// the C# half its pack.yaml names. `run`, `packs`, `types`, `vet`, the benchmarks and the tests all load packs through this.
/// </summary>
public sealed class NetDoctorPacks(NetDoctorOptions options, CSharpPacks csharp, IFactSource bundles)
{
    /// <summary>The built-in packs' folder, or null when this composition has none (or it does not exist).</summary>
    public string? BuiltInDirectory => options.BuiltInPacks is { } dir && Directory.Exists(dir) ? dir : null;

    /// <summary>Reads the fixture bundles of pack tests (the Collectors' bundle reader).</summary>
    public IFactSource Bundles => bundles;

    /// <summary>How C# halves are loaded; <paramref name="trusted"/> is --trust-csharp.</summary>
    public Packs.Loading.CSharp.CSharpPackOptions CSharp(bool trusted = false) => csharp.Options(trusted);

    /// <summary>The built-in packs plus <paramref name="extraDirectories"/>, C# halves included; problems stay in the result.</summary>
    public LoadedPacks LoadAll(IReadOnlyList<string> extraDirectories, PackLoadOptions? load = null, bool trustCSharp = false)
    {
        var dirs = new List<string>();
        if (BuiltInDirectory is { } builtIn) dirs.Add(builtIn);
        dirs.AddRange(extraDirectories);
        return LoadOnly(dirs, load, trustCSharp);
    }

    /// <summary>Exactly <paramref name="directories"/> (no built-in packs), C# halves included.</summary>
    public LoadedPacks LoadOnly(IReadOnlyList<string> directories, PackLoadOptions? load = null, bool trustCSharp = false) =>
        PackLoader.LoadAll(directories, (load ?? new PackLoadOptions()) with
        {
            CSharp = load?.CSharp ?? csharp.Options(trustCSharp),
            Functions = load?.Functions ?? options.Functions,
        });

    /// <summary>
    /// What `vet` needs to vet <paramref name="targets"/>: the built-in packs not being vetted load alongside. A built-in
    /// pack that is also vetted (`vet rulepacks` from a checkout: the same packs as the shipped copy) is loaded once, from
    /// the folder being vetted: two copies would load its C# rules twice.
    /// </summary>
    public VetOptions VetOptions(IReadOnlyList<string> targets, EngineKind engine = EngineKind.Indexed, bool trustCSharp = false)
    {
        var targetPacks = targets.SelectMany(PackFolder.Discover).Select(Path.GetFullPath).ToHashSet();
        var targetNames = targetPacks.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var dependencies = BuiltInDirectory is { } builtIn
            ? PackFolder.Discover(builtIn).Where(d => !targetPacks.Contains(Path.GetFullPath(d)) && !targetNames.Contains(Path.GetFileName(d))).ToList()
            : [];
        return new VetOptions(null, bundles, dependencies, Engine: engine, CSharp: csharp.Options(trustCSharp), Functions: options.Functions);
    }
}
