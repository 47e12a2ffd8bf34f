using NetDoctor.Engine;
using System.CommandLine;
using NetDoctor.Cli.Pipeline;
using NetDoctor.Packs.Model;
using Spectre.Console;

namespace NetDoctor.Cli.Commands;

/// <summary>`netdoctor explain RULE-ID`: what a rule looks for, why, and how it tells you to fix it — read from the rule itself.</summary>
public sealed class ExplainCommand(PackSet packSet, CliConsole console) : ICliCommand
{
    public Command Build()
    {
        var ruleId = new Argument<string>("RULE-ID") { Description = "A rule id, e.g. calico/ippool-overlaps-node-network." };
        var packs = CommonOptions.Packs();
        var command = new Command("explain", "Explain a rule: what it detects, the facts it matches, and its remediation.") { ruleId, packs };
        command.SetAction(parse =>
        {
            var loaded = packSet.LoadAll(parse.GetValue(packs) ?? []);
            string id = parse.GetValue(ruleId)!;
            var rule = loaded.FindRule(id);
            if (rule is null && loaded.ExtraRules.FirstOrDefault(r => r.Name == id) is { } csharpRule)
            {
                var severity = csharpRule.Severity().ToString().ToLowerInvariant();
                console.Ansi.MarkupLine($"[bold]{Markup.Escape(csharpRule.Id())}[/]  [{Reporting.TextReporter.Color(severity)}]{severity}[/]  C# rule (NRules.Fluent)");
                console.Ansi.MarkupLine(Markup.Escape(csharpRule.Title()));
                var labels = csharpRule.Labels().ToList();
                if (labels.Count > 0) console.Ansi.MarkupLine($"tags: {Markup.Escape(string.Join(", ", labels))}");
                console.Ansi.WriteLine();
                console.Ansi.MarkupLine("[bold]Matches when[/]");
                foreach (var element in csharpRule.LeftHandSide.ChildElements) console.Ansi.MarkupLine("  " + Markup.Escape(DescribeModel(element)));
                return ExitCodes.Ok;
            }
            if (rule is null)
            {
                var near = loaded.Rules.Select(r => r.Id).Where(r => r.Contains(id.Split('/').Last(), StringComparison.OrdinalIgnoreCase)).ToList();
                throw new UsageException($"no rule '{id}'" + (near.Count > 0 ? $" (did you mean {string.Join(", ", near)}?)" : "; see 'netdoctor packs'"));
            }

            var doc = rule.Document;
            var ansi = console.Ansi;
            ansi.MarkupLine($"[bold]{Markup.Escape(doc.Id)}[/]  [{Reporting.TextReporter.Color(doc.Severity)}]{Markup.Escape(doc.Severity)}[/]  pack [bold]{Markup.Escape(rule.Pack)}[/]");
            ansi.MarkupLine(Markup.Escape(doc.Title));
            ansi.MarkupLine($"[grey]defined at {Markup.Escape(doc.Mark.ToString())}[/]");
            if (doc.Tags.Count > 0) ansi.MarkupLine($"tags: {Markup.Escape(string.Join(", ", doc.Tags))}");
            if (doc.Description is { } description) { ansi.WriteLine(); ansi.WriteLine(description.Trim()); }

            ansi.WriteLine();
            ansi.MarkupLine("[bold]Matches when[/]");
            foreach (var element in doc.When) ansi.MarkupLine("  " + Markup.Escape(Describe(element)));

            if (doc.Derive is { } derive)
            {
                ansi.MarkupLine($"[bold]Derives[/] {Markup.Escape(derive.Fact)}");
                foreach (var field in derive.Fields) ansi.MarkupLine($"  {Markup.Escape(field.Name)} = {Markup.Escape(field.Value.Text)}");
            }
            if (doc.Diagnose is { } diagnose)
            {
                ansi.MarkupLine("[bold]Reports[/]");
                ansi.MarkupLine("  " + Markup.Escape(diagnose.Message.Text.Trim()));
                if (diagnose.Remediation.Count > 0)
                {
                    ansi.MarkupLine("[bold]Remediation[/]");
                    foreach (var step in diagnose.Remediation)
                    {
                        ansi.MarkupLine("  - " + Markup.Escape(step.Description.Text.Trim()));
                        if (step.Command is { } cmd) ansi.MarkupLine("      [cyan]" + Markup.Escape(cmd.Text.Trim()) + "[/]");
                    }
                }
            }
            var references = doc.References.Concat(doc.Diagnose?.References ?? []).Distinct().ToList();
            if (references.Count > 0)
            {
                ansi.MarkupLine("[bold]References[/]");
                foreach (var r in references) ansi.MarkupLine("  " + Markup.Escape(r));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(WhenElement element) => element switch
    {
        PatternDocument p => Pattern(p),
        NotDocument n => "no " + Pattern(n.Pattern),
        ExistsDocument e => "some " + Pattern(e.Pattern),
        AggregateDocument a => $"{a.As} = {a.Form.ToString().ToLowerInvariant()} of {Pattern(a.Source)}"
                               + (a.Key is null ? "" : $" by {a.Key.Text}")
                               + (a.Where.Count == 0 ? "" : $" where {string.Join(" and ", a.Where.Select(w => w.Text))}"),
        _ => element.ToString(),
    };

    /// <summary>A C# rule has no YAML to quote: describe its compiled model instead.</summary>
    private static string DescribeModel(NRules.RuleModel.RuleElement element) => element switch
    {
        NRules.RuleModel.PatternElement { Source: NRules.RuleModel.AggregateElement aggregate } p =>
            $"{p.Declaration.Name} = {aggregate.Name.ToLowerInvariant()} of {aggregate.Source.Declaration.Type.Name}",
        NRules.RuleModel.PatternElement p => $"{p.Declaration.Type.Name} {p.Declaration.Name}"
            + (p.Expressions.Count == 0 ? "" : " where " + string.Join(" and ", p.Expressions.Select(c => c.Expression.Body.ToString()))),
        NRules.RuleModel.NotElement n => "no " + DescribeModel(n.Source),
        NRules.RuleModel.ExistsElement e => "some " + DescribeModel(e.Source),
        NRules.RuleModel.ForAllElement f => "every " + DescribeModel(f.BasePattern) + " also " + string.Join(" and ", f.Patterns.Select(DescribeModel)),
        NRules.RuleModel.GroupElement g => string.Join(g is NRules.RuleModel.OrElement ? " or " : " and ", g.ChildElements.Select(DescribeModel)),
        _ => element.ElementType.ToString(),
    };

    private static string Pattern(PatternDocument p) =>
        $"{p.Fact} {p.As}" + (p.Where.Count == 0 ? "" : $" where {string.Join(" and ", p.Where.Select(w => w.Text))}");
}
