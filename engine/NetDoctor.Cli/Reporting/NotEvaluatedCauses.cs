namespace NetDoctor.Cli.Reporting;

/// <summary>
/// The not-evaluated rules grouped by cause for people: one line per set of missing fact types, naming the nodes they
/// were missing from ("no IptablesChain, IptablesRule from node k8s02") or "in any input", with the rules it stopped.
/// Evidence a reading budget cut is its own cause ("KubeProxySettings cut by the reading budget on node w07").
/// </summary>
public static class NotEvaluatedCauses
{
    public sealed record Cause(string Text, IReadOnlyList<string> Rules);

    /// <summary>Nodes named in one cause line; a 1,000-node cut names the first few and counts the rest.</summary>
    private const int NodesShown = 8;

    /// <summary>Distinct rules that could not be checked somewhere.</summary>
    public static int RuleCount(RunReport report) => report.NotEvaluated.Select(n => n.RuleId).Distinct(StringComparer.Ordinal).Count();

    public static IReadOnlyList<Cause> Of(RunReport report) =>
        report.NotEvaluated
            .GroupBy(n => (Missing: string.Join(", ", n.Missing), Anywhere: n.Node is null, Cut: n.Cut.Count > 0))
            .OrderBy(g => g.Key.Cut ? 1 : 0).ThenBy(g => g.Key.Anywhere ? 0 : 1).ThenBy(g => g.Key.Missing, StringComparer.Ordinal)
            .Select(g =>
            {
                var nodes = g.Select(n => n.Node).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
                string where = g.Key.Anywhere ? (g.Key.Cut ? "for every node" : "in any input") : $"from {Nodes(nodes)}";
                string text = g.Key.Cut ? $"{g.Key.Missing} cut by the reading budget, {where}" : $"no {g.Key.Missing} {where}";
                int withheld = g.Sum(n => n.Withheld);
                if (withheld > 0) text += $" ({withheld} {(withheld == 1 ? "diagnosis" : "diagnoses")} withheld)";
                return new Cause(text, g.Select(n => n.RuleId).Distinct().Order(StringComparer.Ordinal).ToList());
            })
            .ToList();

    /// <summary>One entry as a sentence: "kube-proxy/cluster-cidr-unset could not be checked on node w07: KubeProxySettings cut by the reading budget (w07/kube-proxy-config.yaml)".</summary>
    public static string Entry(NotEvaluatedReport n)
    {
        string head = $"{n.RuleId} could not be checked{(n.Node is null ? "" : " on node " + n.Node)}: ";
        if (n.Cut.Count == 0) return head + $"no {string.Join(", ", n.Missing)} {(n.Node is null ? "in any input" : "from that node")}";
        string files = n.Cut.Count <= 3 ? string.Join(", ", n.Cut) : $"{string.Join(", ", n.Cut.Take(3))} and {n.Cut.Count - 3} more";
        return head + $"{string.Join(", ", n.Missing)} cut by the reading budget ({files})" +
               (n.Withheld > 0 ? $"; {n.Withheld} {(n.Withheld == 1 ? "diagnosis" : "diagnoses")} from partial input withheld" : "");
    }

    /// <summary>"IpPool in any input: 2 rules (calico/a, calico/b)".</summary>
    public static string Line(Cause cause) =>
        $"{cause.Text}: {(cause.Rules.Count == 1 ? cause.Rules[0] : $"{cause.Rules.Count} rules ({string.Join(", ", cause.Rules)})")}";

    /// <summary>"3 rules could not be checked" or null when every rule could.</summary>
    public static string? Headline(RunReport report) =>
        RuleCount(report) is var n and > 0 ? $"{n} rule{(n == 1 ? "" : "s")} could not be checked" : null;

    /// <summary>Why, in the headline's parenthesis: inputs not read, cut, or both.</summary>
    public static string Why(RunReport report) =>
        (report.NotEvaluated.Any(n => n.Cut.Count == 0), report.NotEvaluated.Any(n => n.Cut.Count > 0)) switch
        {
            (true, true) => "inputs they need were not read, or were cut",
            (false, true) => "inputs they need were cut",
            _ => "inputs they need were not read",
        };

    private static string Nodes(IReadOnlyList<string> nodes) =>
        nodes.Count == 1 ? $"node {nodes[0]}"
        : nodes.Count <= NodesShown ? $"nodes {string.Join(", ", nodes)}"
        : $"{nodes.Count} nodes ({string.Join(", ", nodes.Take(NodesShown))}, …)";
}
