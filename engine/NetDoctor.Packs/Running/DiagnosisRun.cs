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
/// The outcome of <see cref="DiagnosisRunner.Run"/>. <see cref="Error"/> is set when the engine stopped the run
/// (runaway rules, a failing condition or action); the diagnoses found until then are still reported.
/// </summary>
public sealed record DiagnosisRun(
    IReadOnlyList<DiagnosisResult> Diagnoses,
    RunStats Stats,
    string? Error = null,
    IReadOnlyList<string>? ErrorRuleIds = null);
