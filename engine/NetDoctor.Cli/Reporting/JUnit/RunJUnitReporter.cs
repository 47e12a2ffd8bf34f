using System.Text;
using NetDoctor.Engine;
using NetDoctor.Packs.Vetting.Reporters;

namespace NetDoctor.Cli.Reporting.JUnit;

/// <summary>
/// `run --format junit`, as kube-bench and conftest do for CI test tabs: a suite per pack, a test case per rule that can
/// diagnose × node it was evaluated on (classname = rule id, name = node; "cluster" for findings tied to no node). A case
/// fails when that rule diagnosed that node at or above --fail-on, so the tab is red exactly when `run` exits 1; findings
/// below the threshold are listed in the suite's system-out. A rule that threw and was disabled gets a case of its own
/// (classname its id, name "evaluation") with an &lt;error&gt;, in its pack's suite, so the tab is red on an incomplete run too;
/// so does reading cut by a budget (the "reading" case of the netdoctor suite).
/// </summary>
public static class RunJUnitReporter
{
    public const string ClusterCase = "cluster";

    /// <summary>Name of the case that holds a failed rule's &lt;error&gt;.</summary>
    public const string EvaluationCase = "evaluation";

    public static string Render(RunReport report, RuleSeverity failOn) => Render(report, failOn, DateTime.UtcNow, Environment.MachineName);

    public static string Render(RunReport report, RuleSeverity failOn, DateTime timestamp, string hostname)
    {
        var targets = report.Nodes.ToList();
        var findings = report.Diagnoses.Select(d => d.Node).Concat(report.Waived.Select(w => w.Node)).ToList();
        if (targets.Count == 0 || findings.Any(n => n is null)) targets.Add(ClusterCase);
        targets.AddRange(findings.OfType<string>().Concat(report.NotEvaluated.Select(n => n.Node).OfType<string>()).Where(n => !targets.Contains(n)).Distinct());

        var rules = report.Rules.Select(r => (r.Id, r.Pack))
            .Concat(report.Diagnoses.Select(d => (Id: d.RuleId, Pack: d.RuleId.Split('/')[0])))
            .Concat(report.RuleFailures.Select(f => (Id: f.RuleId, Pack: f.Pack ?? f.RuleId.Split('/')[0])))
            .DistinctBy(r => r.Id).ToList();
        // Looked up per rule × node: a 1,000-node cut lists thousands of entries, so not by a scan each time.
        var notEvaluated = report.NotEvaluated.GroupBy(n => (n.RuleId, n.Node)).ToDictionary(g => g.Key, g => g.First());
        var suites = new List<JUnitSuite>();
        foreach (var pack in rules.GroupBy(r => r.Pack).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var cases = new List<JUnitCase>();
            var notes = new StringBuilder();
            foreach (var rule in pack.OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                if (report.RuleFailures.FirstOrDefault(f => f.RuleId == rule.Id) is { } failed)
                    cases.Add(new JUnitCase(rule.Id, EvaluationCase, 0, new JUnitFailure(failed.Exception, failed.Message, Details(failed), IsError: true)));
                if (!report.Rules.Any(r => r.Id == rule.Id) && !report.Diagnoses.Any(d => d.RuleId == rule.Id)) continue;
                foreach (string target in targets)
                {
                    var found = report.Diagnoses.Where(d => d.RuleId == rule.Id && (d.Node ?? ClusterCase) == target).ToList();
                    var failing = found.Where(d => Parse(d.Severity) >= failOn).ToList();
                    foreach (var below in found.Except(failing)) notes.Append($"{below.Severity}: {rule.Id} on {target}: {below.Message}\n");
                    cases.Add(new JUnitCase(rule.Id, target, 0, failing.Count == 0 ? null : Failure(failing), failing.Count == 0 ? Skipped(report, notEvaluated, rule.Id, target) : null));
                }
            }
            var version = report.Packs.FirstOrDefault(p => p.Name == pack.Key)?.Version ?? "";
            suites.Add(new JUnitSuite(pack.Key, cases, [new("version", version), new("failOn", ReportSeverity(failOn))], notes.ToString()));
        }
        // The run itself: a rule engine that stopped fails it (run exits 1 then, too); input problems fail nothing
        // (the rest of the bundles was diagnosed) but are kept in the CI record.
        var engine = new JUnitCase("netdoctor.run", "rule engine", report.Stats.EngineMs / 1000.0,
            report.EngineError is { } error ? new JUnitFailure("engine", error, error) : null);
        // Reading cut by a budget: an error case of its own, so the tab is red whenever `run` exits 4 for it.
        var reading = new JUnitCase("netdoctor.run", "reading", 0,
            report.Cut is { } cut ? new JUnitFailure("reading-cut", cut.Message, CutDetails(cut), IsError: true) : null);
        var problems = string.Join("\n", report.Problems.Select(p => $"problem: {p.Source}: {p.Message}"));
        suites.Add(new JUnitSuite("netdoctor", [engine, reading], [new("problems", report.Problems.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))], problems));
        return JUnitXml.Render(suites, timestamp, hostname);
    }

    /// <summary>
    /// Why a case that did not fail was not really passed either: the rule could not be checked there (on that node, or
    /// anywhere), or its diagnosis there was waived. Null for a plain pass.
    /// </summary>
    private static string? Skipped(RunReport report, Dictionary<(string RuleId, string? Node), NotEvaluatedReport> notEvaluated, string ruleId, string target)
    {
        // Not checked anywhere comes first, as the entries are ordered (node null first).
        var notChecked = notEvaluated.GetValueOrDefault((ruleId, null)) ?? notEvaluated.GetValueOrDefault((ruleId, target));
        if (notChecked is { Cut.Count: > 0 })
            return $"not evaluated: {string.Join(", ", notChecked.Missing)} cut by the reading budget {(notChecked.Node is null ? "(cluster-wide evidence)" : "on node " + notChecked.Node)}: {string.Join(", ", notChecked.Cut)}";
        if (notChecked is not null)
            return $"not evaluated: no {string.Join(", ", notChecked.Missing)} {(notChecked.Node is null ? "in any input" : "from node " + notChecked.Node)}";
        var waived = report.Waived.Where(w => w.RuleId == ruleId && (w.Node ?? ClusterCase) == target).ToList();
        return waived.Count == 0 ? null : "waived: " + string.Join("; ", waived.Select(w => $"{w.Reason} ({w.Waiver}{(w.Expires is null ? "" : ", expires " + w.Expires)})"));
    }

    private static string CutDetails(CutReport cut)
    {
        var details = new StringBuilder(cut.Message).Append('\n');
        foreach (var l in cut.Limits) details.Append($"  {l.Name} ({l.Option}): budget {l.Budget}, {l.Files} files cut ({l.Bytes} bytes, {l.Facts} facts); {l.Option} {l.Enough} keeps them\n");
        foreach (var f in cut.Files.Take(20)) details.Append($"  cut: {f.Path}{(f.Node is null ? "" : " (node " + f.Node + ")")} by {f.Limit}, {f.Bytes} bytes, {f.Facts} facts\n");
        if (cut.Files.Count > 20) details.Append($"  … {cut.Files.Count - 20} more files (--format json lists them all)\n");
        return details.ToString();
    }

    private static string Details(RuleFailureReport failed)
    {
        var details = new StringBuilder(failed.Message).Append('\n');
        foreach (var f in failed.Facts) details.Append("  fact: ").Append(f.Type).Append(' ').Append(f.Summary).Append(f.Source is null ? "" : " at " + f.Source).Append('\n');
        details.Append("  the rule was disabled for the rest of the run and what it derived was withdrawn; every other rule ran\n");
        return details.ToString();
    }

    private static JUnitFailure Failure(IReadOnlyList<DiagnosisReport> failing)
    {
        var worst = failing.OrderByDescending(d => Parse(d.Severity)).First();
        var details = new StringBuilder();
        foreach (var d in failing)
        {
            details.Append(d.Severity.ToUpperInvariant()).Append(": ").Append(d.Title).Append('\n').Append(d.Message.Trim()).Append('\n');
            foreach (var e in d.Evidence) details.Append("  evidence: ").Append(e.Type).Append(' ').Append(e.Summary).Append(e.Source is null ? "" : " at " + e.Source).Append('\n');
            foreach (var r in d.Remediation)
            {
                details.Append("  fix: ").Append(r.Description).Append('\n');
                if (r.Command is not null) details.Append("    ").Append(r.Command).Append('\n');
            }
        }
        string message = failing.Count == 1 ? worst.Message.Trim() : $"{failing.Count} diagnoses; the worst: {worst.Message.Trim()}";
        return new JUnitFailure(worst.Severity, message, details.ToString());
    }

    private static RuleSeverity Parse(string severity) => RuleMetadata.TryParseSeverity(severity, out var parsed) ? parsed : RuleSeverity.Info;

    private static string ReportSeverity(RuleSeverity severity) => severity.ToString().ToLowerInvariant();
}
