using NetDoctor.Engine;
using NetDoctor.Packs.Compilation;
using NetDoctor.Packs.Expressions;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Types;
using NRules.RuleModel;

namespace NetDoctor.Packs.Loading;

/// <summary>
/// The result of <c>PackLoader.LoadAll</c>: every pack, every rule that compiled (ready for the engine's
/// RuleCompiler), the type catalog including the packs' derived types, and every problem found on the way.
/// </summary>
public sealed record LoadedPacks(
    IReadOnlyList<LoadedPack> Packs,
    FactTypeCatalog Catalog,
    ExpressionSandbox Sandbox,
    IReadOnlyDictionary<string, DerivedTypeInfo> DerivedTypes,
    IReadOnlyList<PackDiagnostic> Diagnostics)
{
    public IEnumerable<CompiledRule> Rules => Packs.SelectMany(p => p.Rules);

    /// <summary>Rules written in C# (NRules.Fluent) that run with these packs, e.g. a pack's own C# project.</summary>
    public IReadOnlyList<IRuleDefinition> ExtraRules { get; init; } = [];

    /// <summary>Every rule to hand to the engine: the compiled YAML rules, then <see cref="ExtraRules"/>.</summary>
    public IReadOnlyList<IRuleDefinition> RuleDefinitions => Rules.Select(r => r.Definition).Concat(ExtraRules).ToList();

    /// <summary>A copy that also runs <paramref name="rules"/> (C# rules); an id already taken is reported, not run twice.</summary>
    public LoadedPacks WithExtraRules(IEnumerable<IRuleDefinition> rules)
    {
        var extra = ExtraRules.ToList();
        var diagnostics = Diagnostics.ToList();
        var taken = RuleDefinitions.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (taken.Add(rule.Name)) extra.Add(rule);
            else diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.DuplicateId, SourceMark.None, $"duplicate rule id '{rule.Name}' (C# rule {rule.Title()})"));
        }
        return this with { ExtraRules = extra, Diagnostics = diagnostics };
    }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public IEnumerable<PackDiagnostic> Errors => Diagnostics.Where(d => d.IsError);

    /// <summary>Name, version and rule count of each pack (what `netdoctor packs` and the JSON "packs" list show).</summary>
    public IReadOnlyList<PackInfo> Infos => Packs.Select(p => new PackInfo(p.Name, p.Version, p.Rules.Count, p.Manifest?.Description, p.DisplayDirectory)).ToList();

    public CompiledRule? FindRule(string id) => Rules.FirstOrDefault(r => r.Id == id);
}

public sealed record PackInfo(string Name, string Version, int Rules, string? Description, string Directory);
