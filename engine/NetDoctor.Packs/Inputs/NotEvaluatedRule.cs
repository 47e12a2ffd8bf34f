namespace NetDoctor.Packs.Inputs;

/// <summary>
/// A diagnose rule that could not be checked because inputs it needs were not read: across all inputs
/// (<paramref name="Node"/> null) or on one node whose own outputs lack what other nodes have.
/// </summary>
/// <param name="Missing">Collected fact types not read (for a rule that could use any of several, all of them); a derived type when no enabled rule derives it.</param>
public sealed record NotEvaluatedRule(string RuleId, string? Node, IReadOnlyList<string> Missing);
