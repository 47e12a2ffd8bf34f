using NetDoctor.Engine;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Testing;
using NetDoctor.Packs.Types;
using NetDoctor.Packs.Vetting;

namespace NetDoctor.Hosting;

/// <summary>
/// The one place packs are discovered and loaded: the built-in folder plus the folders a command names, with the C# packs'
/// rules and derived types. `run`, `packs`, `types`, `vet`, the benchmarks and the tests all load packs through this.
/// </summary>
public sealed class NetDoctorPacks(NetDoctorOptions options, CSharpPacks csharp, IFactSource bundles)
{
    /// <summary>The built-in packs' folder, or null when this composition has none (or it does not exist).</summary>
    public string? BuiltInDirectory => options.BuiltInPacks is { } dir && Directory.Exists(dir) ? dir : null;

    /// <summary>The fact types rules may name before any YAML pack is loaded: the Facts assembly's and the C# packs' derived ones.</summary>
    public FactTypeCatalog Catalog => CSharpPacks.Catalog;

    /// <summary>The C# packs' rules, constructed through DI.</summary>
    public IReadOnlyList<NRules.RuleModel.IRuleDefinition> CSharpRules => csharp.Rules;

    /// <summary>Reads the fixture bundles of pack tests (the Collectors' bundle reader).</summary>
    public IFactSource Bundles => bundles;

    /// <summary>The built-in packs plus <paramref name="extraDirectories"/>, with the C# rules; problems stay in the result.</summary>
    public LoadedPacks LoadAll(IReadOnlyList<string> extraDirectories, PackLoadOptions? load = null)
    {
        var dirs = new List<string>();
        if (BuiltInDirectory is { } builtIn) dirs.Add(builtIn);
        dirs.AddRange(extraDirectories);
        return LoadOnly(dirs, load);
    }

    /// <summary>Exactly <paramref name="directories"/> (no built-in packs), with the C# rules.</summary>
    public LoadedPacks LoadOnly(IReadOnlyList<string> directories, PackLoadOptions? load = null) =>
        PackLoader.LoadAll(directories, (load ?? new PackLoadOptions()) with { Catalog = Catalog, Functions = load?.Functions ?? options.Functions })
            .WithExtraRules(csharp.Rules);

    /// <summary>What `vet` needs to vet <paramref name="targets"/>: the built-in packs not being vetted load alongside.</summary>
    public VetOptions VetOptions(IReadOnlyList<string> targets, EngineKind engine = EngineKind.Indexed)
    {
        var targetPacks = targets.SelectMany(PackFolder.Discover).Select(Path.GetFullPath).ToHashSet();
        var dependencies = BuiltInDirectory is { } builtIn
            ? PackFolder.Discover(builtIn).Where(d => !targetPacks.Contains(Path.GetFullPath(d))).ToList()
            : [];
        return new VetOptions(Catalog, bundles, dependencies, ExtraRules: csharp.Rules, Engine: engine);
    }
}
