namespace NetDoctor.Packs.Inputs;

/// <summary>
/// A diagnose rule not evaluated because evidence it reads was cut: on <paramref name="Node"/>, or anywhere when null
/// (the cut evidence is cluster-wide, or a node's but of a kind other nodes' diagnoses read too).
/// </summary>
/// <param name="Missing">The cut fact types the rule reads (sorted).</param>
/// <param name="Files">The cut files that held them (sorted).</param>
public sealed record CutRule(string RuleId, string? Node, IReadOnlyList<string> Missing, IReadOnlyList<string> Files)
{
    /// <summary>True when a diagnosis of this rule on <paramref name="node"/> (null: no node) rests on evidence this cut took away.</summary>
    public bool Covers(string ruleId, string? node) => RuleId == ruleId && (Node is null || node is null || Node == node);
}
