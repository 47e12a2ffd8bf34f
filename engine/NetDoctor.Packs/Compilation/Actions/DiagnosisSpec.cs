using NetDoctor.Engine;
using NetDoctor.Packs.Templates;

namespace NetDoctor.Packs.Compilation.Actions;

/// <summary>
/// The load-time part of a `diagnose` action: templates and metadata. The slot values of all templates arrive as one
/// array, message first, then each remediation's description and command, in order.
/// </summary>
public sealed record DiagnosisSpec(
    string RuleId,
    RuleSeverity Severity,
    string Title,
    Template Message,
    IReadOnlyList<(Template Description, Template? Command)> Remediation,
    IReadOnlyList<string> References,
    IReadOnlySet<string>? EvidenceBindings);
