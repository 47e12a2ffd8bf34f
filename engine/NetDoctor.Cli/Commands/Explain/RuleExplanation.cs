namespace NetDoctor.Cli.Commands.Explain;

/// <summary>
/// What `netdoctor explain RULE-ID` says about a rule, in text or as JSON (docs/output-formats.md): where it is defined,
/// what it matches in its author's own words, what it derives or reports, and how it tells you to fix it.
/// </summary>
/// <param name="Kind">"yaml" or "csharp".</param>
/// <param name="Source">The rule's file in the repository or pack folder, with the line it starts at.</param>
/// <param name="When">YAML: the rule's `when:` block as written. C#: null (see <see cref="Class"/> and <see cref="Source"/>).</param>
/// <param name="Class">C#: the rule class's full name.</param>
/// <param name="Matches">C#: the fact types each condition of the rule matches (what the compiled model says).</param>
/// <param name="Remediation">YAML: the steps as templates. C#: the steps the rule computed in <see cref="RemediationExample"/>.</param>
/// <param name="RemediationExample">C#: the rule test whose facts the remediation was computed from, as "name (file:line)".</param>
public sealed record RuleExplanation(
    string Id,
    string Title,
    string Severity,
    string Pack,
    string Kind,
    SourceLocation? Source,
    IReadOnlyList<string> Tags,
    string? Description,
    string? When,
    string? Class,
    IReadOnlyList<string>? Matches,
    DerivesExplanation? Derives,
    string? Message,
    IReadOnlyList<StepExplanation> Remediation,
    string? RemediationExample,
    IReadOnlyList<string> References);

public sealed record SourceLocation(string File, int Line)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}

public sealed record DerivesExplanation(string Fact, IReadOnlyList<FieldExplanation> Fields);

public sealed record FieldExplanation(string Name, string Value);

public sealed record StepExplanation(string Description, string? Command);
