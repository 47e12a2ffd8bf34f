using NetDoctor.Packs.Compilation;
using NetDoctor.Packs.Model;
using NRules.RuleModel;

namespace NetDoctor.Packs.Loading;

/// <summary>One pack after loading: its manifest, its compiled rules (those without errors) and its test documents.</summary>
public sealed record LoadedPack(
    string Directory,
    string DisplayDirectory,
    PackDocument? Manifest,
    IReadOnlyList<CompiledRule> Rules,
    IReadOnlyList<RuleTestDocument> Tests,
    IReadOnlyList<string> RuleFiles,
    IReadOnlyList<string> TestFiles)
{
    public string Name => Manifest?.Name ?? Path.GetFileName(Directory);

    public string Version => Manifest?.Version ?? "";

    /// <summary>The packs this one builds on (`requires:`); a range that does not parse accepts any version (it is reported).</summary>
    public IReadOnlyList<PackRequirement> Requires =>
        Manifest?.Requires.Select(r => new PackRequirement(r.Name, VersionRange.TryParse(r.Versions, out var range) ? range : VersionRange.Any)).ToList() ?? [];

    /// <summary>The pack's C# (NRules.Fluent) rules, from the project pack.yaml names under `csharp:`.</summary>
    public IReadOnlyList<IRuleDefinition> CSharpRules { get; init; } = [];

    /// <summary>The assembly of <see cref="CSharpRules"/> (built in, or built from the pack's project), if any.</summary>
    public System.Reflection.Assembly? CSharpAssembly { get; init; }

    /// <summary>The pack as the rest of NetDoctor sees it: YAML and C# rules alike.</summary>
    public RulePack Model => new(
        Name,
        Version,
        Manifest?.Description,
        Manifest?.Maintainers ?? [],
        Requires,
        DerivedFactTypes,
        [.. Rules.Select(r => r.Definition), .. CSharpRules]);

    /// <summary>The types of the derived facts the pack declares (pack.yaml), then those its C# assembly defines.</summary>
    public IReadOnlyList<Type> DerivedFactTypes { get; init; } = [];
}
