using NetDoctor.Engine;

namespace NetDoctor.Packs.Diagnoses;

// What a `diagnose` action inserts (linked, so it disappears with the match that produced it): the finding an
// operator reads, with the facts that prove it and the commands that fix it. Rules may match it too (`fact: Diagnosis`).
// Identity is by reference, like every fact.
// A plain comment, not an XML <summary>: `netdoctor types` would show a summary as the type's description, and
// docs/facts.md has none for Diagnosis (this assembly wrote no documentation file before the code-style settings).
public sealed record Diagnosis(
    string RuleId,
    RuleSeverity Severity,
    string Title,
    string Message,
    string? Node,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<RemediationStep> Remediation,
    IReadOnlyList<string> References)
{
    public bool Equals(Diagnosis? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    public override string ToString() => $"{RuleId} [{Severity}] {Message}";
}

/// <summary>One fact shown as proof: its type, its one-line summary, and "file:line" when it was collected (null when derived).</summary>
public sealed record Evidence(string Type, string Summary, string? Source);

/// <summary>One step to fix the problem; <see cref="Command"/> is what an operator would run, with real names filled in.</summary>
public sealed record RemediationStep(string Description, string? Command);
