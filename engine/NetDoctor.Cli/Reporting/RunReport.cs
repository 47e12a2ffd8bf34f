using System.Text.Json.Serialization;

namespace NetDoctor.Cli.Reporting;

// The output of `netdoctor run`, shaped exactly as CONTRACTS.md §4. Fields may be added; none renamed or removed.

public sealed record RunReport(
    ToolInfo Tool,
    IReadOnlyList<InputInfo> Inputs,
    IReadOnlyList<PackReport> Packs,
    IReadOnlyList<DiagnosisReport> Diagnoses,
    IReadOnlyList<ProblemReport> Problems,
    StatsReport Stats)
{
    /// <summary>The rules that ran and can report a diagnosis (JUnit's test cases, SARIF's rule table); not in the JSON.</summary>
    [JsonIgnore]
    public IReadOnlyList<RuleReport> Rules { get; init; } = [];

    /// <summary>Every node any input named, sorted.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Nodes => Inputs.SelectMany(i => i.Nodes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Set when the rule engine stopped the run; the diagnoses found until then are still reported.</summary>
    [JsonIgnore]
    public string? EngineError { get; init; }

    /// <summary>Diagnoses a --waivers entry accepted: not in <see cref="Diagnoses"/>, not counted for --fail-on, never dropped.</summary>
    public IReadOnlyList<WaivedReport> Waived { get; init; } = [];

    /// <summary>Diagnose rules that could not be checked because inputs they need were not read.</summary>
    public IReadOnlyList<NotEvaluatedReport> NotEvaluated { get; init; } = [];

    /// <summary>The --waivers files of the run, for the text summary ("2 diagnoses waived (--waivers w.yaml)").</summary>
    [JsonIgnore]
    public IReadOnlyList<string> WaiverFiles { get; init; } = [];

    /// <summary>Rules that threw and were disabled; every other rule ran (JSON <c>ruleFailures</c>, after <c>stats</c>).</summary>
    public IReadOnlyList<RuleFailureReport> RuleFailures { get; init; } = [];

    /// <summary>
    /// Set when a reading budget cut files: how much, which limit, how to raise it (JSON <c>cut</c>, after
    /// <c>ruleFailures</c>; null when everything was read). Rules that read the cut evidence are in <see cref="NotEvaluated"/>.
    /// </summary>
    public CutReport? Cut { get; init; }

    /// <summary>The run is incomplete: the engine stopped, a rule failed or reading was cut (SARIF's executionSuccessful is false then).</summary>
    [JsonIgnore]
    public bool Incomplete => EngineError is not null || RuleFailures.Count > 0 || Cut is not null;
}

/// <summary>A diagnosis a waiver accepted: which waiver (file:line), why and until when, and the diagnosis itself.</summary>
/// <param name="Expires">YYYY-MM-DD, the last day the waiver applies; null when it does not expire.</param>
public sealed record WaivedReport(string RuleId, string? Node, string Reason, string? Expires, string Waiver, DiagnosisReport Diagnosis);

/// <summary>
/// A rule that could not be checked (on <paramref name="Node"/>, or anywhere when null): the fact types it needs that were
/// not read, or — when <see cref="Cut"/> names files — that a reading budget cut.
/// </summary>
public sealed record NotEvaluatedReport(string RuleId, string? Node, IReadOnlyList<string> Missing)
{
    /// <summary>The cut files that held the <see cref="Missing"/> types; empty when they were simply not in the inputs.</summary>
    public IReadOnlyList<string> Cut { get; init; } = [];

    /// <summary>Diagnoses this rule made there from the partial input and that were withheld (never reported as findings).</summary>
    public int Withheld { get; init; }
}

/// <summary>Reading was cut by a budget: the run is incomplete (see CONTRACTS.md §4, <c>cut</c>).</summary>
/// <param name="Message">The one line every format shows: how much was cut, by which limit, what it stopped and how to raise it.</param>
/// <param name="Limits">Each budget that cut files.</param>
/// <param name="Nodes">Nodes with cut files (sorted); a cluster-scoped file adds none.</param>
/// <param name="Withheld">Diagnoses made from partial input and withheld.</param>
/// <param name="Files">Every cut file.</param>
public sealed record CutReport(string Message, IReadOnlyList<CutLimitReport> Limits, IReadOnlyList<string> Nodes, int Withheld, IReadOnlyList<CutFileReport> Files);

/// <param name="Name"><c>maxFacts</c> or <c>maxReadBytes</c>.</param>
/// <param name="Option">The `run` option that sets it.</param>
/// <param name="Budget">Its value in this run (facts, or bytes).</param>
/// <param name="Files">Files it cut.</param>
/// <param name="Bytes">Their size.</param>
/// <param name="Facts">Facts of theirs some rule could use, none kept.</param>
/// <param name="Enough">A value that keeps every cut file (memory permitting: the heap guard still applies).</param>
public sealed record CutLimitReport(string Name, string Option, long Budget, int Files, long Bytes, long Facts, long Enough);

/// <param name="Limit"><c>maxFacts</c> or <c>maxReadBytes</c>.</param>
public sealed record CutFileReport(string Path, string? Node, string? Kind, string Limit, long Bytes, int Facts);

/// <param name="Version">The version without build metadata, e.g. 0.1.0 (also SARIF's semanticVersion).</param>
public sealed record ToolInfo(string Name, string Version)
{
    /// <summary>Where to read about the tool (SARIF's informationUri); not in the JSON.</summary>
    [JsonIgnore]
    public string InformationUri { get; init; } = "";
}

public sealed record InputInfo(string Path, IReadOnlyList<string> Nodes, int Files)
{
    /// <summary>
    /// The local directory the evidence sources of this input are relative to (the bundle folder, or the folder inside
    /// it that holds the layout); null for an archive, whose files exist only inside it.
    /// </summary>
    [JsonIgnore]
    public string? Root { get; init; }

    /// <summary>Files of this input, relative to its root ("k8s01/ip-route.txt"): which input a source belongs to.</summary>
    [JsonIgnore]
    public IReadOnlySet<string> SourceFiles { get; init; } = new HashSet<string>();
}

public sealed record PackReport(string Name, string Version, int Rules);

/// <summary>A rule that can diagnose: what JUnit makes a test case of and SARIF lists among its rules.</summary>
public sealed record RuleReport(string Id, string Pack, string Title, string Severity, IReadOnlyList<string> References, IReadOnlyList<string> Tags);

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

/// <summary>
/// A rule that threw and was disabled for the rest of the run (what it had derived was withdrawn; the other rules ran).
/// </summary>
/// <param name="Stage"><c>condition</c> or <c>action</c>.</param>
/// <param name="Facts">The facts it was evaluating, with their file:line (null for derived facts); at most 10.</param>
/// <param name="MoreFacts">How many more facts it was evaluating than <paramref name="Facts"/> lists.</param>
/// <param name="Exception">The exception's type name, e.g. <c>RegexMatchTimeoutException</c>.</param>
/// <param name="Error">The exception's message.</param>
/// <param name="Message">The line every format shows: <c>rule X failed on [fact, fact]: error (pack, stage, exception)</c>.</param>
public sealed record RuleFailureReport(
    string RuleId,
    string? Pack,
    string Stage,
    IReadOnlyList<EvidenceReport> Facts,
    int MoreFacts,
    string Exception,
    string Error,
    string Message);

/// <param name="Engine">The runtime that ran the rules: <c>indexed</c> or <c>nrules</c>.</param>
/// <param name="EngineMs">Time in the rule session (inserting the facts and firing), without reading and compiling.</param>
public sealed record StatsReport(int Facts, int RulesFired, long ElapsedMs, string Engine, long EngineMs);

/// <summary>A node of a derivation tree: a fact, the rule that produced it (null for raw facts) and what it was produced from.</summary>
public sealed record ExplanationNode(string Type, string Summary, string? Source, string? ProducedBy, IReadOnlyList<ExplanationNode> From);
