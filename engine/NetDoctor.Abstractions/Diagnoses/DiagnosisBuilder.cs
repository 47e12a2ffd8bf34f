using NetDoctor.Packs.Compilation.Actions;
using NetDoctor.Packs.Templates;

namespace NetDoctor.Packs.Diagnoses;

/// <summary>
/// What a C# rule says in <c>Then().Diagnose(d => d.Message(...).Remediation(...))</c>: the same parts as YAML's
/// `diagnose:` (message, remediation steps, references, evidence), built into the one <see cref="DiagnosisSpec"/>.
/// Id, title and severity are not here: they come from the rule's metadata ([Name], [Description], severity tag).
/// </summary>
public sealed class DiagnosisBuilder
{
    private string _message = "";
    private string? _node;
    private IReadOnlyList<object>? _evidence;
    private readonly List<(Template, Template?)> _remediation = [];
    private readonly List<string> _references = [];

    /// <summary>What the operator reads; name the real objects, addresses and CIDRs.</summary>
    public DiagnosisBuilder Message(string text)
    {
        _message = text;
        return this;
    }

    /// <summary>The node the diagnosis is about (default: the node of the first matched fact that has one).</summary>
    public DiagnosisBuilder Node(string? node)
    {
        _node = node;
        return this;
    }

    /// <summary>The facts to show as proof instead of every matched fact (each distinct line once).</summary>
    public DiagnosisBuilder Evidence(IEnumerable<object> facts)
    {
        _evidence = facts.ToList();
        return this;
    }

    /// <summary>A fix step without a command.</summary>
    public DiagnosisBuilder Remediation(string description) => Remediation(description, null);

    /// <summary>A fix step: what to do and the command an operator would paste, real names filled in.</summary>
    public DiagnosisBuilder Remediation(string description, string? command)
    {
        _remediation.Add((Template.Literal(description), command is null ? null : Template.Literal(command)));
        return this;
    }

    /// <summary>Fix steps computed by a helper (when which steps apply depends on the case).</summary>
    public DiagnosisBuilder Remediation(IEnumerable<RemediationStep> steps)
    {
        foreach (var step in steps) Remediation(step.Description, step.Command);
        return this;
    }

    /// <summary>A link to the documentation of the behaviour the rule relies on.</summary>
    public DiagnosisBuilder Reference(string url)
    {
        _references.Add(url);
        return this;
    }

    public DiagnosisSpec Build() =>
        new(Template.Literal(_message), _remediation.ToList(), _references.Distinct().ToList(), null)
        {
            Node = _node,
            EvidenceFacts = _evidence,
        };
}
