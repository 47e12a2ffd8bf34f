using NetDoctor.Engine;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Packs.Types;

namespace NetDoctor.Packs.Running;

/// <summary>
/// Why a fact exists, as a tree: a diagnosis or derived fact with the rule that produced it and the facts it was
/// produced from, down to collected facts with their file:line.
/// </summary>
public sealed record DerivationNode(string Type, string Summary, string? Source, string? ProducedBy, IReadOnlyList<DerivationNode> From)
{
    private const int MaxDepth = 16;
    private const int MaxChildren = 50;

    public static DerivationNode Build(ISession session, object fact) => Build(session, fact, 0, new HashSet<object>(ReferenceEqualityComparer.Instance));

    private static DerivationNode Build(ISession session, object fact, int depth, HashSet<object> path)
    {
        var derivation = depth < MaxDepth && path.Add(fact) ? session.Explain(fact) : null;
        var children = derivation is null
            ? []
            : derivation.Facts.SelectMany(b => FactInfo.InCanonicalOrder(FactInfo.Facts(b.Value))).Take(MaxChildren).Select(f => Build(session, f, depth + 1, path)).ToList();
        path.Remove(fact);
        string summary = fact is Diagnosis d ? d.Message : FactInfo.Summary(fact);
        return new DerivationNode(FactInfo.TypeName(fact), summary, FactInfo.Source(fact), derivation?.Rule.Name, children);
    }

    /// <summary>
    /// The derived facts below this node, each with the rule that produced it and the summaries it came from
    /// (the flat "derivation" list of the JSON output).
    /// </summary>
    public IReadOnlyList<DerivationStep> Steps()
    {
        var steps = new List<DerivationStep>();
        foreach (var child in From) child.Collect(steps);
        return steps;
    }

    private void Collect(List<DerivationStep> steps)
    {
        if (ProducedBy is null) return;
        if (!steps.Any(s => s.Type == Type && s.Summary == Summary))
            steps.Add(new DerivationStep(Type, Summary, ProducedBy, From.Select(f => f.Source is null ? f.Summary : $"{f.Summary} ({f.Source})").ToList()));
        foreach (var child in From) child.Collect(steps);
    }
}

/// <summary>One derived fact in the flat derivation list.</summary>
public sealed record DerivationStep(string Type, string Summary, string ProducedBy, IReadOnlyList<string> From);
