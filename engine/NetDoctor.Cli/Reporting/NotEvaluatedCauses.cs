namespace NetDoctor.Cli.Reporting;

/// <summary>
/// The not-evaluated rules grouped by cause for people: one line per set of missing fact types, naming the nodes they
/// were missing from ("no IptablesChain, IptablesRule from node k8s02") or "in any input", with the rules it stopped.
/// </summary>
public static class NotEvaluatedCauses
{
    public sealed record Cause(string Text, IReadOnlyList<string> Rules);

    /// <summary>Distinct rules that could not be checked somewhere.</summary>
    public static int RuleCount(RunReport report) => report.NotEvaluated.Select(n => n.RuleId).Distinct(StringComparer.Ordinal).Count();

    public static IReadOnlyList<Cause> Of(RunReport report) =>
        report.NotEvaluated
            .GroupBy(n => (Missing: string.Join(", ", n.Missing), Anywhere: n.Node is null))
            .OrderBy(g => g.Key.Anywhere ? 0 : 1).ThenBy(g => g.Key.Missing, StringComparer.Ordinal)
            .Select(g =>
            {
                var nodes = g.Select(n => n.Node).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
                string where = g.Key.Anywhere ? "in any input" : $"from node{(nodes.Count == 1 ? "" : "s")} {string.Join(", ", nodes)}";
                return new Cause($"no {g.Key.Missing} {where}", g.Select(n => n.RuleId).Distinct().Order(StringComparer.Ordinal).ToList());
            })
            .ToList();

    /// <summary>"no IpPool in any input: 2 rules (calico/a, calico/b)".</summary>
    public static string Line(Cause cause) =>
        $"{cause.Text}: {(cause.Rules.Count == 1 ? cause.Rules[0] : $"{cause.Rules.Count} rules ({string.Join(", ", cause.Rules)})")}";

    /// <summary>"3 rules could not be checked" or null when every rule could.</summary>
    public static string? Headline(RunReport report) =>
        RuleCount(report) is var n and > 0 ? $"{n} rule{(n == 1 ? "" : "s")} could not be checked" : null;
}
