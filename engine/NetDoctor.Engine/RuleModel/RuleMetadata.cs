namespace NetDoctor.Engine.RuleModel;

/// <summary>What a rule is, independent of how it matches: id (<c>pack/kebab-name</c>), title, severity, tags, priority.</summary>
/// <param name="Priority">Higher fires first when several activations are on the agenda (NRules' convention).</param>
public sealed record RuleMetadata(
    string Id,
    string Title,
    RuleSeverity Severity = RuleSeverity.Info,
    IReadOnlyList<string>? Tags = null,
    int Priority = 0,
    string? Description = null)
{
    public IReadOnlyList<string> Tags { get; init; } = Tags ?? [];
}
