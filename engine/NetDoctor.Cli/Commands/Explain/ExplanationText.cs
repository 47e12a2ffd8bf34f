using NetDoctor.Cli.Reporting.Text;

namespace NetDoctor.Cli.Commands.Explain;

/// <summary>A rule explanation for people: quoted YAML and commands kept whole on their own lines, prose wrapped.</summary>
public static class ExplanationText
{
    private const string CommandIndent = "      ";

    public static void Write(TextCanvas canvas, RuleExplanation rule)
    {
        canvas.Line((rule.Id, Style.Bold), ("  ", Style.None), (rule.Severity, Paint.Of(rule.Severity)),
            ($"  pack {rule.Pack}  {(rule.Kind == "csharp" ? "C# rule (NRules.Fluent)" : "YAML rule")}", Style.None));
        canvas.Wrapped(rule.Title);
        if (rule.Source is { } source) canvas.Line($"defined in {source}", Style.Dim);
        if (rule.Class is { } type) canvas.Line($"class {type}", Style.Dim);
        if (rule.Tags.Count > 0) canvas.Wrapped("tags: " + string.Join(", ", rule.Tags));
        if (rule.Description is { } description)
        {
            canvas.Line();
            canvas.Wrapped(description);
        }

        canvas.Line();
        canvas.Line("Matches when", Style.Bold);
        if (rule.When is { } when)
            foreach (string line in when.Split('\n')) canvas.Line("  " + line);
        foreach (string match in rule.Matches ?? []) canvas.Wrapped(match, "  - ");
        if (rule.Kind == "csharp")
            canvas.Wrapped($"(the conditions themselves are C# expressions: read them in {rule.Source?.ToString() ?? rule.Class ?? "the rule's class"})", "  ");

        if (rule.Derives is { } derives)
        {
            canvas.Line();
            canvas.Line($"Derives {derives.Fact}", Style.Bold);
            foreach (var field in derives.Fields) canvas.Line($"  {field.Name} = {field.Value}");
        }
        if (rule.Message is { } message)
        {
            canvas.Line();
            canvas.Line("Reports", Style.Bold);
            canvas.Wrapped(message, "  ");
        }
        if (rule.Remediation.Count > 0)
        {
            canvas.Line();
            canvas.Line("Remediation", Style.Bold);
            if (rule.RemediationExample is { } example)
                canvas.Wrapped($"(computed by the rule from the facts it matched; here, for its test {example})", "  ");
            foreach (var step in rule.Remediation)
            {
                canvas.Wrapped(step.Description, "  - ");
                if (step.Command is not null) canvas.Command(step.Command, CommandIndent);
            }
        }
        if (rule.References.Count > 0)
        {
            canvas.Line();
            canvas.Line("References", Style.Bold);
            foreach (string reference in rule.References) canvas.Line("  " + reference);
        }
    }
}
