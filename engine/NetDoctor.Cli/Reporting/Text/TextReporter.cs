using NetDoctor.Packs.Output;

namespace NetDoctor.Cli.Reporting.Text;

/// <summary>
/// The run report for people. What an operator pastes must survive: every remediation command is printed on a line of
/// its own, whole, whatever the width (the terminal may soft-wrap it on screen; the text does not break it). Prose —
/// messages, descriptions, evidence summaries — wraps at spaces to the terminal width, so ids, paths and CIDRs stay whole.
/// </summary>
public sealed class TextReporter(TextCanvas canvas)
{
    private const string CommandIndent = "      ";

    public void Render(RunReport report, bool explain)
    {
        foreach (var d in report.Diagnoses)
        {
            Heading(d);
            canvas.Line((d.RuleId, Style.Dim), (d.Node is null ? "" : "  node ", Style.None), (d.Node ?? "", Style.Bold));
            canvas.Wrapped(d.Message);
            canvas.Line();

            if (d.Evidence.Count > 0)
            {
                canvas.Line("Evidence:", Style.Bold);
                var table = new TextTable(new TextTable.Column(""), new TextTable.Column("", Wraps: true), new TextTable.Column("", Style: Style.Dim, StackedPrefix: "at "));
                foreach (var e in d.Evidence) table.Row(e.Type, e.Summary, e.Source ?? "");
                table.Write(canvas);
                canvas.Line();
            }

            if (d.Remediation.Count > 0)
            {
                canvas.Line("Fix:", Style.Bold);
                foreach (var r in d.Remediation)
                {
                    canvas.Wrapped(r.Description, "  - ");
                    if (r.Command is not null) canvas.Command(r.Command, CommandIndent);
                }
                canvas.Line();
            }

            if (explain && d.Explanation is { From.Count: > 0 } why)
            {
                // The root of the tree is the diagnosis itself, already printed above: show what it rests on.
                canvas.Line("Why:", Style.Bold);
                TreeWriter.Write(canvas, why.From);
                canvas.Line();
            }
        }

        if (report.Problems.Count > 0)
        {
            canvas.Line($"{Counted.Of(report.Problems.Count, "input problem")}:", Style.Warning);
            foreach (var p in report.Problems.Take(50))
                canvas.Wrapped($"{p.Source}: {p.Message}", "  ", "      ");
            if (report.Problems.Count > 50)
                canvas.Line($"  ... {report.Problems.Count - 50} more (--format json lists them all)", Style.Dim);
        }

        if (NotEvaluatedCauses.Headline(report) is { } headline)
        {
            // Silence is not health: say what could not be checked, one line per missing input.
            canvas.Line($"{headline} ({NotEvaluatedCauses.Why(report)}):", Style.Warning);
            foreach (var cause in NotEvaluatedCauses.Of(report))
                canvas.Wrapped(NotEvaluatedCauses.Line(cause), "  ", "      ");
        }

        if (report.Waived.Count > 0)
        {
            string files = report.WaiverFiles.Count == 0 ? "" : $" (--waivers {string.Join(", ", report.WaiverFiles)})";
            canvas.Line($"{Counted.Of(report.Waived.Count, "diagnosis", "diagnoses")} waived{files}{(explain ? ":" : "; --explain lists them.")}", Style.Dim);
            if (explain)
            {
                foreach (var w in report.Waived)
                    canvas.Wrapped($"{w.Diagnosis.Severity} {w.RuleId}{(w.Node is null ? "" : " on " + w.Node)}: {w.Reason} ({w.Waiver}{(w.Expires is null ? "" : ", expires " + w.Expires)}) — {w.Diagnosis.Message}", "  ", "      ");
            }
        }

        if (report.RuleFailures.Count > 0)
        {
            canvas.Line($"{Counted.Of(report.RuleFailures.Count, "rule")} failed and {(report.RuleFailures.Count == 1 ? "was disabled (its" : "were disabled (their")} diagnoses may be missing; every other rule ran):", Style.Error);
            foreach (var f in report.RuleFailures)
                canvas.Wrapped(f.Message, "  ", "      ");
        }

        if (report.Cut is { } cut)
        {
            // Last before the verdict, where the eye lands: what was not read, which limit, how to raise it.
            canvas.Line("The run is incomplete:", Style.Error);
            canvas.Wrapped(cut.Message, "  ", "  ");
        }

        bool clean = report.Diagnoses.Count == 0 && report.NotEvaluated.Count == 0 && report.RuleFailures.Count == 0;
        canvas.Wrapped(Verdict(report) + " " + Summary(report), style: clean ? Style.Good : report.Diagnoses.Count == 0 ? Style.Warning : Style.Bold);
    }

    private void Heading(DiagnosisReport d)
    {
        // Escaped before measuring, so the rule after it ends at the terminal's edge.
        string label = $"── {d.Severity.ToUpperInvariant()}  {SafeText.Escape(d.Title, SafeText.Keep.Nothing)} ";
        int fill = canvas.Width - label.Length;
        canvas.Line((label, Paint.Of(d.Severity)), (fill > 0 ? new string('─', fill) : "", Paint.Of(d.Severity)));
    }

    private static string Verdict(RunReport report)
    {
        // "No diagnoses" alone would read as health when some rules never saw their inputs.
        string waived = report.Waived.Count > 0 ? $" ({report.Waived.Count} waived)" : "";
        string incomplete = report.Cut is null ? "" : "Incomplete (reading was cut): ";
        if (report.Diagnoses.Count == 0)
            return incomplete + (NotEvaluatedCauses.Headline(report) is { } headline ? $"No diagnoses{waived}, but {headline}." : $"No diagnoses{waived}.");
        var bySeverity = new[] { "critical", "error", "warning", "info" }
            .Select(s => (Severity: s, Count: report.Diagnoses.Count(d => d.Severity == s)))
            .Where(s => s.Count > 0)
            .Select(s => Counted.Severity(s.Count, s.Severity));
        return $"{incomplete}{Counted.Of(report.Diagnoses.Count, "diagnosis", "diagnoses")} ({string.Join(", ", bySeverity)}){(report.Waived.Count > 0 ? $", {report.Waived.Count} waived" : "")}.";
    }

    private static string Summary(RunReport report) =>
        $"{Counted.Of(report.Stats.Facts, "fact")} from {Counted.Of(report.Inputs.Sum(i => i.Files), "file")}, " +
        $"{Counted.Of(report.Packs.Sum(p => p.Rules), "rule")} in {Counted.Of(report.Packs.Count, "pack")}, {report.Stats.ElapsedMs} ms.";
}
