using NRules.RuleModel;

namespace NetDoctor.Packs.Running;

/// <summary>Every pattern of a rule's left-hand side, wherever it sits: the one walk the demand filter and the input analysis share.</summary>
internal static class RulePatterns
{
    /// <summary>
    /// Top-level patterns, the sources of not/exists, collect and group-by, and forall's patterns; with
    /// <paramref name="forAllBaseOnly"/> only forall's base pattern (its counterexample is a base fact failing the others,
    /// so only the base pattern's conditions may filter what it needs).
    /// </summary>
    public static IEnumerable<PatternElement> Of(RuleElement element, bool forAllBaseOnly = false) => element switch
    {
        PatternElement { Source: { } source } pattern => [pattern, .. Of(source, forAllBaseOnly)],
        PatternElement pattern => [pattern],
        AggregateElement aggregate => Of(aggregate.Source, forAllBaseOnly),
        GroupElement group => group.ChildElements.SelectMany(c => Of(c, forAllBaseOnly)),
        NotElement not => Of(not.Source, forAllBaseOnly),
        ExistsElement exists => Of(exists.Source, forAllBaseOnly),
        ForAllElement forAll => forAllBaseOnly ? [forAll.BasePattern] : [forAll.BasePattern, .. forAll.Patterns],
        _ => [],
    };
}
