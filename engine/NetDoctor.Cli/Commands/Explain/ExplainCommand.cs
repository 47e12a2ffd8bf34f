using System.CommandLine;
using NetDoctor.Cli.Pipeline;
using NetDoctor.Cli.Reporting;
using NetDoctor.Engine;

namespace NetDoctor.Cli.Commands.Explain;

/// <summary>`netdoctor explain RULE-ID`: what a rule looks for, why, and how it tells you to fix it — read from the rule itself.</summary>
public sealed class ExplainCommand(PackSet packSet, CliConsole console) : ICliCommand
{
    public Command Build()
    {
        var ruleId = new Argument<string>("RULE-ID") { Description = "A rule id, e.g. calico/ippool-overlaps-node-network." };
        var packs = CommonOptions.Packs();
        var trust = CommonOptions.TrustCSharp();
        var format = CommonOptions.Format("text", "text", "json");
        var command = new Command("explain", "Explain a rule: where it is defined, what it matches, what it reports and how it says to fix it.") { ruleId, packs, trust, format };
        command.SetAction(parse =>
        {
            var loaded = packSet.LoadAll(parse.GetValue(packs) ?? [], parse.GetValue(trust));
            string id = parse.GetValue(ruleId)!;
            RuleExplanation explanation;
            if (loaded.FindRule(id) is { } rule) explanation = YamlRuleExplainer.Explain(rule);
            else if (loaded.ExtraRules.FirstOrDefault(r => r.Id() == id) is { } csharpRule) explanation = CSharpRuleExplainer.Explain(csharpRule, loaded);
            else
            {
                var all = loaded.Rules.Select(r => r.Id).Concat(loaded.ExtraRules.Select(r => r.Id())).ToList();
                var near = all.Where(r => r.Contains(id.Split('/').Last(), StringComparison.OrdinalIgnoreCase)).ToList();
                throw new UsageException($"no rule '{id}'" + (near.Count > 0 ? $" (did you mean {string.Join(", ", near)}?)" : "; 'netdoctor packs' lists every rule"));
            }

            if (parse.GetValue(format) == "json") console.WriteDocument(JsonReporter.Render(explanation), null);
            else ExplanationText.Write(console.Text, explanation);
            return ExitCodes.Ok;
        });
        return command;
    }
}
