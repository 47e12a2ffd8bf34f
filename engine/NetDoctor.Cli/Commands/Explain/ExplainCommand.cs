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
            // Found in the pack model, YAML and C# rules alike; a YAML rule's explanation also shows its source document.
            var all = loaded.Packs.SelectMany(p => p.Model.Rules).ToList();
            var found = all.FirstOrDefault(r => r.Id() == id);
            if (found is null)
            {
                var near = all.Select(r => r.Id()).Where(r => r.Contains(id.Split('/').Last(), StringComparison.OrdinalIgnoreCase)).ToList();
                throw new UsageException($"no rule '{id}'" + (near.Count > 0 ? $" (did you mean {string.Join(", ", near)}?)" : "; 'netdoctor packs' lists every rule"));
            }
            var explanation = loaded.Rules.FirstOrDefault(r => r.Definition == found) is { } yaml
                ? YamlRuleExplainer.Explain(yaml)
                : CSharpRuleExplainer.Explain(found, loaded);

            if (parse.GetValue(format) == "json") console.WriteDocument(JsonReporter.Render(explanation), null);
            else ExplanationText.Write(console.Text, explanation);
            return ExitCodes.Ok;
        });
        return command;
    }
}
