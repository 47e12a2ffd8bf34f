using NetDoctor.Cli.Pipeline.Waivers;
using NetDoctor.Cli.Reporting;
using NetDoctor.Collectors.Bundles;
using NetDoctor.Packs.Inputs;
using NetDoctor.Packs.Loading;

namespace NetDoctor.Cli.Pipeline;

/// <summary>
/// What `run` adds to a report after the rules ran: waived diagnoses moved out of the findings (and expired or stale
/// waivers as problems), the rules that could not be checked for lack of input, and the problems of the rule selection.
/// </summary>
public static class ReportFindings
{
    public sealed record Options(IReadOnlyList<Waiver> Waivers, IReadOnlyList<string> WaiverFiles, DateOnly Today, IReadOnlyList<(string Source, string Message)> SelectionProblems);

    public static RunReport Apply(RunReport report, LoadedPacks packs, FactsRead read, Options options, FactBase? facts = null)
    {
        var ruleIds = packs.RuleDefinitions.Select(r => r.Name).ToList();
        // Diagnoses that rest on evidence a reading budget cut are withheld before anything else sees them: they are
        // not findings, not waivable, and the rules that made them are listed as not evaluated there instead.
        var cutRules = facts is null ? [] : CutAnalysis.Find(packs, ReadingCut.Evidence(facts));
        var (kept, withheld) = Withhold(report.Diagnoses, cutRules);
        var waivers = WaiverOutcome.Apply(kept, options.Waivers, options.Today, ruleIds);
        var notRead = NotEvaluatedAnalysis.Find(packs, read).Select(n => new NotEvaluatedReport(n.RuleId, n.Node, n.Missing));
        var cut = cutRules.Select(c => new NotEvaluatedReport(c.RuleId, c.Node, c.Missing) { Cut = c.Files, Withheld = withheld.GetValueOrDefault(c) });
        return report with
        {
            Diagnoses = waivers.Diagnoses,
            Problems = [.. report.Problems, .. options.SelectionProblems.Select(p => new ProblemReport(p.Source, p.Message)), .. waivers.Problems],
            Waived = waivers.Waived,
            WaiverFiles = options.WaiverFiles,
            NotEvaluated = notRead.Concat(cut)
                .OrderBy(n => n.RuleId, StringComparer.Ordinal).ThenBy(n => n.Node, StringComparer.Ordinal).ThenBy(n => n.Cut.Count)
                .ToList(),
            Cut = facts is null ? null : ReadingCut.Report(facts.Cuts, cutRules.Select(c => c.RuleId).Distinct().Count(), withheld.Values.Sum()),
        };
    }

    /// <summary>
    /// The diagnoses that do not rest on cut evidence, and how many each cut entry withheld: a diagnosis counts once,
    /// against its own node's entry when there is one, else the run-wide one.
    /// </summary>
    private static (IReadOnlyList<DiagnosisReport> Kept, Dictionary<CutRule, int> Withheld) Withhold(IReadOnlyList<DiagnosisReport> diagnoses, IReadOnlyList<CutRule> cutRules)
    {
        var withheld = new Dictionary<CutRule, int>();
        if (cutRules.Count == 0) return (diagnoses, withheld);
        var kept = new List<DiagnosisReport>();
        foreach (var d in diagnoses)
        {
            var covering = cutRules.Where(c => c.Covers(d.RuleId, d.Node)).ToList();
            if (covering.Count == 0)
            {
                kept.Add(d);
                continue;
            }
            var entry = covering.FirstOrDefault(c => c.Node is not null && c.Node == d.Node) ?? covering[0];
            withheld[entry] = withheld.GetValueOrDefault(entry) + 1;
        }
        return (kept, withheld);
    }
}
