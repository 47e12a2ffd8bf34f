using Spectre.Console;

namespace NetDoctor.Cli.Reporting;

/// <summary>Human output on a terminal: a panel per diagnosis, evidence table, remediation commands, optional derivation tree.</summary>
public sealed class TextReporter(IAnsiConsole console)
{
    public void Render(RunReport report, bool explain)
    {
        foreach (var d in report.Diagnoses)
        {
            console.Write(new Rule($"[{Color(d.Severity)}]{d.Severity.ToUpperInvariant()}[/] {Markup.Escape(d.Title)}").LeftJustified());
            console.MarkupLine($"[grey]{Markup.Escape(d.RuleId)}[/]{(d.Node is null ? "" : $"  node [bold]{Markup.Escape(d.Node)}[/]")}");
            console.WriteLine(d.Message);
            console.WriteLine();

            var evidence = new Table().Border(TableBorder.Simple).AddColumn("evidence").AddColumn("").AddColumn("source");
            foreach (var e in d.Evidence)
                evidence.AddRow(Markup.Escape(e.Type), Markup.Escape(e.Summary), Markup.Escape(e.Source ?? ""));
            console.Write(evidence);

            if (d.Remediation.Count > 0)
            {
                console.MarkupLine("[bold]Fix:[/]");
                foreach (var r in d.Remediation)
                {
                    console.MarkupLine($"  - {Markup.Escape(r.Description)}");
                    if (r.Command is not null) console.MarkupLine($"      [cyan]{Markup.Escape(r.Command)}[/]");
                }
            }
            if (explain && d.Explanation is not null)
            {
                console.MarkupLine("[bold]Why:[/]");
                var tree = new Tree(Label(d.Explanation));
                AddChildren(tree.AddNode, d.Explanation);
                console.Write(tree);
            }
            console.WriteLine();
        }

        if (report.Problems.Count > 0)
        {
            console.MarkupLine($"[yellow]{report.Problems.Count} input problem(s):[/]");
            foreach (var p in report.Problems.Take(50))
                console.MarkupLine($"  [grey]{Markup.Escape(p.Source)}[/]: {Markup.Escape(p.Message)}");
            if (report.Problems.Count > 50)
                console.MarkupLine($"  [grey]... {report.Problems.Count - 50} more (use --format json for all)[/]");
        }

        var bySeverity = report.Diagnoses.GroupBy(d => d.Severity).Select(g => $"{g.Count()} {g.Key}");
        console.MarkupLine(report.Diagnoses.Count == 0
            ? $"[green]No diagnoses.[/] {Summary(report)}"
            : $"[bold]{report.Diagnoses.Count} diagnosis(es)[/] ({string.Join(", ", bySeverity)}). {Summary(report)}");
    }

    private static string Summary(RunReport report) =>
        Markup.Escape($"{report.Stats.Facts} facts from {report.Inputs.Sum(i => i.Files)} files, " +
                      $"{report.Packs.Sum(p => p.Rules)} rules in {report.Packs.Count} packs, {report.Stats.ElapsedMs} ms.");

    private static void AddChildren(Func<string, TreeNode> add, ExplanationNode node)
    {
        foreach (var child in node.From)
        {
            var added = add(Label(child));
            AddChildren(added.AddNode, child);
        }
    }

    private static string Label(ExplanationNode node)
    {
        var label = $"[bold]{Markup.Escape(node.Type)}[/] {Markup.Escape(node.Summary)}";
        if (node.Source is not null) label += $" [grey]{Markup.Escape(node.Source)}[/]";
        if (node.ProducedBy is not null) label += $" [blue]<- {Markup.Escape(node.ProducedBy)}[/]";
        return label;
    }

    public static string Color(string severity) => severity switch
    {
        "critical" => "red bold",
        "error" => "red",
        "warning" => "yellow",
        _ => "blue",
    };
}
