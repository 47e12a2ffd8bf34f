using NetDoctor.Cli.Pipeline.Waivers;
using NetDoctor.Cli.Reporting;
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

    public static RunReport Apply(RunReport report, LoadedPacks packs, FactsRead read, Options options)
    {
        var ruleIds = packs.RuleDefinitions.Select(r => r.Name).ToList();
        var waivers = WaiverOutcome.Apply(report.Diagnoses, options.Waivers, options.Today, ruleIds);
        return report with
        {
            Diagnoses = waivers.Diagnoses,
            Problems = [.. report.Problems, .. options.SelectionProblems.Select(p => new ProblemReport(p.Source, p.Message)), .. waivers.Problems],
            Waived = waivers.Waived,
            WaiverFiles = options.WaiverFiles,
            NotEvaluated = NotEvaluatedAnalysis.Find(packs, read).Select(n => new NotEvaluatedReport(n.RuleId, n.Node, n.Missing)).ToList(),
        };
    }
}
