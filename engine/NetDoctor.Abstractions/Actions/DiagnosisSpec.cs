using NetDoctor.Packs.Templates;

namespace NetDoctor.Packs.Compilation.Actions;

/// <summary>
/// What a diagnosis says, for YAML's `diagnose:` and C#'s <c>Then().Diagnose(...)</c> alike: the message and remediation
/// templates, references, and which facts to show. A YAML spec is built once at load time and its slot values arrive
/// as one array at firing time (message first, then each remediation's description and command, in order); a C# spec
/// is built at each firing from already-rendered text (templates without slots). The rule id, title and severity are
/// never part of it: <see cref="DiagnoseRuntime"/> reads them from the rule's metadata.
/// </summary>
public sealed record DiagnosisSpec(
    Template Message,
    IReadOnlyList<(Template Description, Template? Command)> Remediation,
    IReadOnlyList<string> References,
    IReadOnlySet<string>? EvidenceBindings)
{
    /// <summary>The node the diagnosis is about; null: the node of the first matched fact that has one.</summary>
    public string? Node { get; init; }

    /// <summary>The facts shown as evidence instead of the bound ones (C# rules that correlate grouped facts); each
    /// distinct line once. Null: the bound facts, filtered by <see cref="EvidenceBindings"/>.</summary>
    public IReadOnlyList<object>? EvidenceFacts { get; init; }
}
