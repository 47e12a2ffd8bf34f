using NRules.RuleModel;

namespace NetDoctor.Packs;

/// <summary>
/// A rule pack as every part of NetDoctor sees it, whichever front end wrote its rules: who it is (pack.yaml), which
/// packs it builds on, the derived fact types it declares, and its rules — YAML rules compiled to NRules' rule model
/// and C# (NRules.Fluent) rules alike, as <see cref="IRuleDefinition"/>s. Nothing here depends on an engine.
/// </summary>
public sealed record RulePack(
    string Name,
    string Version,
    string? Description,
    IReadOnlyList<string> Maintainers,
    IReadOnlyList<PackRequirement> Requires,
    IReadOnlyList<Type> DerivedFactTypes,
    IReadOnlyList<IRuleDefinition> Rules);
