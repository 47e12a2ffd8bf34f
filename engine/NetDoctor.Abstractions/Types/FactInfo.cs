using System.Collections;
using NetDoctor.Facts;
using NetDoctor.Packs.Diagnoses;

namespace NetDoctor.Packs.Types;

/// <summary>Uniform access to what evidence and explanations need from any fact: collected, derived, or a diagnosis.</summary>
public static class FactInfo
{
    public static string TypeName(object fact) => fact switch
    {
        DerivedFact d => d.TypeName,
        _ => fact.GetType().Name,
    };

    public static string Summary(object fact) => fact switch
    {
        Fact f => f.Summary,
        DerivedFact d => d.Summary,
        Diagnosis g => $"{g.RuleId}: {g.Message}",
        _ => DerivedFact.Format(fact),
    };

    public static string? Node(object fact) => fact switch
    {
        Fact f => f.Node,
        DerivedFact d => d.Node,
        Diagnosis g => g.Node,
        _ => null,
    };

    /// <summary>"file:line" of a collected fact; null for derived facts and diagnoses.</summary>
    public static string? Source(object fact) => fact is Fact f ? f.Source.ToString() : null;

    /// <summary>A bound value as facts: a fact is itself; a collect result or group is its elements; anything else (a count) none.</summary>
    public static IEnumerable<object> Facts(object? bound) => bound switch
    {
        null => [],
        Fact or DerivedFact or Diagnosis => [bound],
        string => [],
        IEnumerable items => items.Cast<object?>().SelectMany(Facts),
        _ => [],
    };

    /// <summary>
    /// The facts of a binding in an order that does not depend on the runtime: collected facts in input order (the same
    /// for every runtime), then derived facts by type and summary (their insertion order follows the order rules
    /// fired in, which the two runtimes need not share).
    /// </summary>
    public static IEnumerable<object> InCanonicalOrder(IEnumerable<object> facts)
    {
        var list = facts as IReadOnlyList<object> ?? facts.ToList();
        return list.Where(f => Source(f) is not null)
            .Concat(list.Where(f => Source(f) is null).OrderBy(TypeName, StringComparer.Ordinal).ThenBy(Summary, StringComparer.Ordinal));
    }
}
