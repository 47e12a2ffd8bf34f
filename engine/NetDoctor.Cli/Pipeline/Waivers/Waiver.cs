namespace NetDoctor.Cli.Pipeline.Waivers;

/// <summary>
/// One entry of a --waivers file: diagnoses of <see cref="Rule"/> (an id or a glob such as `calico/*`), on
/// <see cref="Node"/> when given, are accepted for <see cref="Reason"/> until <see cref="Expires"/> (inclusive).
/// </summary>
/// <param name="At">"file:line" of the entry, as reports name it.</param>
public sealed record Waiver(string Rule, string? Node, string Reason, DateOnly? Expires, string At)
{
    /// <summary>A waiver applies through its expiry date and no longer from the day after.</summary>
    public bool ExpiredOn(DateOnly today) => Expires is { } last && today > last;

    public bool Covers(string ruleId, string? node) =>
        RuleSelection.Matches(Rule, ruleId) && (Node is null || string.Equals(Node, node, StringComparison.Ordinal));

    public string Describe() => $"{Rule}{(Node is null ? "" : " on " + Node)}";
}
