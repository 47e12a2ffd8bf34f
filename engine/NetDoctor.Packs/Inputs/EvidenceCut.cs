namespace NetDoctor.Packs.Inputs;

/// <summary>
/// One file a reading budget cut, as the rules see it: which fact types it held on which node (null: cluster-scoped),
/// so the rules that need them are not evaluated there. <paramref name="Limit"/> names the budget, for the report.
/// </summary>
public sealed record EvidenceCut(string File, string Limit, IReadOnlyList<(Type Type, string? Node)> Lost);
