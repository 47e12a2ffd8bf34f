using System.Text;
using NetDoctor.Packs.Output;

namespace NetDoctor.Cli.Reporting.Markdown;

/// <summary>
/// Markdown for pasting into a ticket or a pull request: one section per diagnosis, evidence as a table. Every string
/// from a pack or a bundle goes through <see cref="MarkdownText"/>, so it renders as the text it is (no HTML, links,
/// images, headings or broken tables); the structure around it is ours.
/// </summary>
public static class MarkdownReporter
{
    public static string Render(RunReport report, bool explain)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# NetDoctor report").AppendLine();
        sb.AppendLine($"Inputs: {string.Join(", ", report.Inputs.Select(i => $"{MarkdownText.Code(i.Path)} ({i.Files} files, nodes: {MarkdownText.Inline(string.Join(", ", i.Nodes))})"))}  ");
        sb.AppendLine($"Packs: {string.Join(", ", report.Packs.Select(p => $"{MarkdownText.Inline($"{p.Name} {p.Version}")} ({p.Rules} rules)"))}  ");
        sb.AppendLine($"Facts: {report.Stats.Facts}, rules fired: {report.Stats.RulesFired}, {report.Stats.ElapsedMs} ms").AppendLine();

        if (report.Cut is { } cut)
        {
            // First, before any finding: the reader must know the run did not see everything.
            sb.AppendLine("## Reading was cut: the run is incomplete").AppendLine();
            sb.AppendLine(MarkdownText.Paragraph(cut.Message)).AppendLine();
        }

        if (report.Diagnoses.Count == 0)
            sb.AppendLine(NotEvaluatedCauses.Headline(report) is { } headline ? $"No diagnoses, but {headline} (see below)." : "No diagnoses.").AppendLine();

        foreach (var d in report.Diagnoses)
        {
            sb.AppendLine($"## {d.Severity.ToUpperInvariant()}: {MarkdownText.Inline(d.Title)}").AppendLine();
            sb.AppendLine($"{MarkdownText.Code(d.RuleId)}{(d.Node is null ? "" : $" on node {MarkdownText.Code(d.Node)}")}").AppendLine();
            sb.AppendLine(MarkdownText.Paragraph(d.Message)).AppendLine();
            sb.AppendLine("| evidence | | source |").AppendLine("|---|---|---|");
            foreach (var e in d.Evidence)
                sb.AppendLine($"| {MarkdownText.Inline(e.Type)} | {MarkdownText.Inline(e.Summary)} | {(e.Source is null ? "" : MarkdownText.Code(e.Source, inTable: true))} |");
            sb.AppendLine();
            if (d.Remediation.Count > 0)
            {
                sb.AppendLine("**Remediation**").AppendLine();
                foreach (var r in d.Remediation)
                {
                    sb.AppendLine($"- {MarkdownText.Inline(r.Description)}");
                    if (r.Command is null) continue;
                    sb.AppendLine();
                    if (SafeText.HasUnsafe(r.Command))
                        sb.AppendLine($"  **Not safe to paste:** this command contains control or invisible characters, shown escaped ({MarkdownText.Code(string.Join(" ", SafeText.Found(r.Command)))}).").AppendLine();
                    sb.AppendLine(MarkdownText.CodeBlock(r.Command, "  "));
                }
                sb.AppendLine();
            }
            if (explain && d.Explanation is not null)
            {
                sb.AppendLine("**Why**").AppendLine();
                // The root is the diagnosis itself (its message is right above): list what it rests on.
                foreach (var child in d.Explanation.From) AppendTree(sb, child, 0);
                sb.AppendLine();
            }
        }

        if (NotEvaluatedCauses.Headline(report) is { } notChecked)
        {
            sb.AppendLine("## Not checked").AppendLine();
            sb.AppendLine($"{notChecked}: {NotEvaluatedCauses.Why(report)}.").AppendLine();
            foreach (var cause in NotEvaluatedCauses.Of(report)) sb.AppendLine($"- {MarkdownText.Inline(NotEvaluatedCauses.Line(cause))}");
            sb.AppendLine();
        }

        if (report.Waived.Count > 0)
        {
            sb.AppendLine($"## Waived ({report.Waived.Count})").AppendLine();
            foreach (var w in report.Waived)
                sb.AppendLine($"- {MarkdownText.Code(w.RuleId)}{(w.Node is null ? "" : $" on node {MarkdownText.Code(w.Node)}")} ({w.Diagnosis.Severity}): {MarkdownText.Inline(w.Reason)} — {MarkdownText.Code(w.Waiver)}{(w.Expires is null ? "" : $", expires {MarkdownText.Inline(w.Expires)}")}");
            sb.AppendLine();
        }

        if (report.Problems.Count > 0)
        {
            sb.AppendLine("## Input problems").AppendLine();
            foreach (var p in report.Problems) sb.AppendLine($"- {MarkdownText.Code(p.Source)}: {MarkdownText.Inline(p.Message)}");
        }

        if (report.RuleFailures.Count > 0)
        {
            if (report.Problems.Count > 0) sb.AppendLine();
            sb.AppendLine("## Rule failures").AppendLine();
            sb.AppendLine("These rules threw and were disabled: their diagnoses may be missing; every other rule ran.").AppendLine();
            foreach (var f in report.RuleFailures) sb.AppendLine($"- {MarkdownText.Inline(f.Message)}");
        }
        return sb.ToString();
    }

    private static void AppendTree(StringBuilder sb, ExplanationNode node, int depth)
    {
        var by = node.ProducedBy is null ? "" : $" ← {MarkdownText.Code(node.ProducedBy)}";
        var src = node.Source is null ? "" : $" ({MarkdownText.Code(node.Source)})";
        sb.AppendLine($"{new string(' ', depth * 2)}- {MarkdownText.Inline(node.Type)}: {MarkdownText.Inline(node.Summary)}{src}{by}");
        foreach (var child in node.From) AppendTree(sb, child, depth + 1);
    }
}
