using System.Text;

namespace NetDoctor.Cli.Reporting;

/// <summary>Markdown for pasting into a ticket or a pull request: one section per diagnosis, evidence as a table.</summary>
public static class MarkdownReporter
{
    public static string Render(RunReport report, bool explain)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# NetDoctor report").AppendLine();
        sb.AppendLine($"Inputs: {string.Join(", ", report.Inputs.Select(i => $"`{i.Path}` ({i.Files} files, nodes: {string.Join(", ", i.Nodes)})"))}  ");
        sb.AppendLine($"Packs: {string.Join(", ", report.Packs.Select(p => $"{p.Name} {p.Version} ({p.Rules} rules)"))}  ");
        sb.AppendLine($"Facts: {report.Stats.Facts}, rules fired: {report.Stats.RulesFired}, {report.Stats.ElapsedMs} ms").AppendLine();

        if (report.Diagnoses.Count == 0)
            sb.AppendLine(NotEvaluatedCauses.Headline(report) is { } headline ? $"No diagnoses, but {headline} (see below)." : "No diagnoses.").AppendLine();

        foreach (var d in report.Diagnoses)
        {
            sb.AppendLine($"## {d.Severity.ToUpperInvariant()}: {d.Title}").AppendLine();
            sb.AppendLine($"`{d.RuleId}`{(d.Node is null ? "" : $" on node `{d.Node}`")}").AppendLine();
            sb.AppendLine(d.Message).AppendLine();
            sb.AppendLine("| evidence | | source |").AppendLine("|---|---|---|");
            foreach (var e in d.Evidence)
                sb.AppendLine($"| {e.Type} | {Escape(e.Summary)} | {e.Source ?? ""} |");
            sb.AppendLine();
            if (d.Remediation.Count > 0)
            {
                sb.AppendLine("**Remediation**").AppendLine();
                foreach (var r in d.Remediation)
                {
                    sb.AppendLine($"- {r.Description}");
                    if (r.Command is not null) sb.AppendLine().AppendLine("  ```").AppendLine($"  {r.Command}").AppendLine("  ```");
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
            sb.AppendLine($"{notChecked}: inputs they need were not read.").AppendLine();
            foreach (var cause in NotEvaluatedCauses.Of(report)) sb.AppendLine($"- {Escape(NotEvaluatedCauses.Line(cause))}");
            sb.AppendLine();
        }

        if (report.Waived.Count > 0)
        {
            sb.AppendLine($"## Waived ({report.Waived.Count})").AppendLine();
            foreach (var w in report.Waived)
                sb.AppendLine($"- `{w.RuleId}`{(w.Node is null ? "" : $" on node `{w.Node}`")} ({w.Diagnosis.Severity}): {Escape(w.Reason)} — `{w.Waiver}`{(w.Expires is null ? "" : $", expires {w.Expires}")}");
            sb.AppendLine();
        }

        if (report.Problems.Count > 0)
        {
            sb.AppendLine("## Input problems").AppendLine();
            foreach (var p in report.Problems) sb.AppendLine($"- `{p.Source}`: {Escape(p.Message)}");
        }

        if (report.RuleFailures.Count > 0)
        {
            if (report.Problems.Count > 0) sb.AppendLine();
            sb.AppendLine("## Rule failures").AppendLine();
            sb.AppendLine("These rules threw and were disabled: their diagnoses may be missing; every other rule ran.").AppendLine();
            foreach (var f in report.RuleFailures) sb.AppendLine($"- {Escape(f.Message)}");
        }
        return sb.ToString();
    }

    private static void AppendTree(StringBuilder sb, ExplanationNode node, int depth)
    {
        var by = node.ProducedBy is null ? "" : $" ← `{node.ProducedBy}`";
        var src = node.Source is null ? "" : $" ({node.Source})";
        sb.AppendLine($"{new string(' ', depth * 2)}- {node.Type}: {Escape(node.Summary)}{src}{by}");
        foreach (var child in node.From) AppendTree(sb, child, depth + 1);
    }

    private static string Escape(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
