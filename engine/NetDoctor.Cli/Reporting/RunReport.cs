using System.Text.Json.Serialization;

namespace NetDoctor.Cli.Reporting;

// The output of `netdoctor run`, shaped exactly as CONTRACTS.md §4. Fields may be added; none renamed or removed.

public sealed record RunReport(
    ToolInfo Tool,
    IReadOnlyList<InputInfo> Inputs,
    IReadOnlyList<PackReport> Packs,
    IReadOnlyList<DiagnosisReport> Diagnoses,
    IReadOnlyList<ProblemReport> Problems,
    StatsReport Stats);

public sealed record ToolInfo(string Name, string Version);

public sealed record InputInfo(string Path, IReadOnlyList<string> Nodes, int Files);

public sealed record PackReport(string Name, string Version, int Rules);

public sealed record DiagnosisReport(
    string RuleId,
    string Severity,
    string Title,
    string Message,
    string? Node,
    IReadOnlyList<EvidenceReport> Evidence,
    IReadOnlyList<DerivationReport> Derivation,
    IReadOnlyList<RemediationReport> Remediation,
    IReadOnlyList<string> References)
{
    /// <summary>The derivation as a tree (diagnosis at the root, raw facts at the leaves) for text and markdown output.</summary>
    [JsonIgnore]
    public ExplanationNode? Explanation { get; init; }
}

public sealed record EvidenceReport(string Type, string Summary, string? Source);

/// <summary>One derived fact on the way to a diagnosis: what it is, which rule produced it, and from which facts.</summary>
public sealed record DerivationReport(string Type, string Summary, string ProducedBy, IReadOnlyList<string> From);

public sealed record RemediationReport(string Description, string? Command);

public sealed record ProblemReport(string Source, string Message);

/// <param name="Engine">The runtime that ran the rules: <c>indexed</c> or <c>nrules</c>.</param>
/// <param name="EngineMs">Time in the rule session (inserting the facts and firing), without reading and compiling.</param>
public sealed record StatsReport(int Facts, int RulesFired, long ElapsedMs, string Engine, long EngineMs);

/// <summary>A node of a derivation tree: a fact, the rule that produced it (null for raw facts) and what it was produced from.</summary>
public sealed record ExplanationNode(string Type, string Summary, string? Source, string? ProducedBy, IReadOnlyList<ExplanationNode> From);
