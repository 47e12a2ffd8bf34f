using NetDoctor.Engine;

using NetDoctor.Packs.Diagnoses;

namespace NetDoctor.Packs.Running;

/// <summary>A diagnosis and the tree of facts and rules that led to it.</summary>
public sealed record DiagnosisResult(Diagnosis Diagnosis, DerivationNode Derivation);

/// <param name="Facts">Facts inserted from outside (the bundle).</param>
/// <param name="DerivedFacts">Facts the rules derived that were still in working memory at the end.</param>
/// <param name="Engine">The runtime that ran the rules.</param>
/// <param name="EngineMs">Time in the session: inserting the facts and firing the rules.</param>
public sealed record RunStats(int Facts, int RulesFired, int DerivedFacts, long ElapsedMs, EngineKind Engine = EngineKind.Indexed, long EngineMs = 0);

/// <summary>
/// The outcome of <see cref="DiagnosisRunner.Run"/>. <see cref="Error"/> is set when the engine stopped the run (the
/// firing budget ran out); the diagnoses found until then are still reported. A rule that threw does not stop the run:
/// it is listed in <see cref="RuleFailures"/>, and every other rule's diagnoses are reported.
/// </summary>
public sealed record DiagnosisRun(
    IReadOnlyList<DiagnosisResult> Diagnoses,
    RunStats Stats,
    string? Error = null,
    IReadOnlyList<string>? ErrorRuleIds = null)
{
    /// <summary>Rules that failed and were disabled for the rest of the run, first failure first.</summary>
    public IReadOnlyList<RuleFailureInfo> RuleFailures { get; init; } = [];

    /// <summary>Whether the run is incomplete: the engine stopped, or a rule failed (its diagnoses may be missing).</summary>
    public bool Incomplete => Error is not null || RuleFailures.Count > 0;
}
