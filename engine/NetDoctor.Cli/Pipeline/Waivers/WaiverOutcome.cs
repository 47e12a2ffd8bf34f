using NetDoctor.Cli.Reporting;

namespace NetDoctor.Cli.Pipeline.Waivers;

/// <summary>
/// Applies waivers to a run's diagnoses. A diagnosis a live waiver covers moves to <see cref="Waived"/> — never dropped:
/// every format lists or counts it, and it does not count toward --fail-on. An expired waiver no longer applies (its
/// diagnosis stays) and is a problem naming its file:line and date; so is a live waiver that covered nothing (stale).
/// The first waiver in file order that covers a diagnosis is the one named.
/// </summary>
public sealed record WaiverOutcome(IReadOnlyList<DiagnosisReport> Diagnoses, IReadOnlyList<WaivedReport> Waived, IReadOnlyList<ProblemReport> Problems)
{
    public static WaiverOutcome Apply(IReadOnlyList<DiagnosisReport> diagnoses, IReadOnlyList<Waiver> waivers, DateOnly today, IReadOnlyCollection<string> ruleIds)
    {
        var live = waivers.Where(w => !w.ExpiredOn(today)).ToList();
        var kept = new List<DiagnosisReport>();
        var waived = new List<WaivedReport>();
        var used = new HashSet<Waiver>();
        foreach (var d in diagnoses)
        {
            if (live.FirstOrDefault(w => w.Covers(d.RuleId, d.Node)) is { } waiver)
            {
                used.Add(waiver);
                waived.Add(new WaivedReport(d.RuleId, d.Node, waiver.Reason, waiver.Expires?.ToString("yyyy-MM-dd"), waiver.At, d));
            }
            else
            {
                kept.Add(d);
            }
        }

        var problems = new List<ProblemReport>();
        foreach (var w in waivers)
        {
            if (w.ExpiredOn(today))
            {
                int back = diagnoses.Count(d => w.Covers(d.RuleId, d.Node));
                problems.Add(new ProblemReport(w.At, $"waiver for {w.Describe()} expired on {w.Expires:yyyy-MM-dd} and no longer applies" +
                    (back > 0 ? $": {back} diagnos{(back == 1 ? "is" : "es")} reported again" : "")));
            }
            else if (!used.Contains(w))
            {
                bool known = ruleIds.Any(id => RuleSelection.Matches(w.Rule, id));
                problems.Add(new ProblemReport(w.At, $"waiver for {w.Describe()} matched no diagnosis (stale: remove it once the cause is fixed)" +
                    (known ? "" : $"; no loaded rule has the id {w.Rule}{NetDoctor.Packs.Model.DidYouMean.Hint(w.Rule, ruleIds)}")));
            }
        }
        return new WaiverOutcome(kept, waived, problems);
    }
}
