using System.CommandLine;
using System.Text.Json.Nodes;
using NetDoctor.Cli.Pipeline;
using NetDoctor.Cli.Reporting;
using NetDoctor.Cli.Reporting.Text;
using NetDoctor.Engine;
using NetDoctor.Packs.Inputs;
using NetDoctor.Packs.Loading;
using NRules.RuleModel;

namespace NetDoctor.Cli.Commands;

/// <summary>`netdoctor packs`: which packs and rules a run would use, and whether they load.</summary>
public sealed class PacksCommand(PackSet packSet, CliConsole console) : ICliCommand
{
    public Command Build()
    {
        var packs = CommonOptions.Packs();
        var trust = CommonOptions.TrustCSharp();
        var format = CommonOptions.Format("text", "text", "json");
        var command = new Command("packs", "List the built-in and given rule packs with their rules.") { packs, trust, format };
        command.SetAction(parse =>
        {
            var loaded = packSet.LoadAll(parse.GetValue(packs) ?? [], parse.GetValue(trust));
            // Every rule as the pack model has it, YAML and C# alike: what it does is read from its definition.
            var diagnosing = RuleRoles.Diagnosing(loaded).ToHashSet();
            var listed = loaded.Packs.Select(pack => (Pack: pack, Rules: pack.Model.Rules
                    .Select(r => new PackRule(r.Id(), ReportBuilder.Severity(r.Severity()), r.Title(), Does(r, diagnosing), Kind(pack, r)))
                    .OrderBy(r => r.Id, StringComparer.Ordinal).ToList()))
                .ToList();

            if (parse.GetValue(format) == "json")
            {
                var doc = new JsonObject
                {
                    ["packs"] = new JsonArray(listed.Select(p => (JsonNode)new JsonObject
                    {
                        ["name"] = p.Pack.Name,
                        ["version"] = p.Pack.Version,
                        ["description"] = p.Pack.Manifest?.Description?.Trim(),
                        ["directory"] = Shipped.Display(p.Pack.Directory),
                        ["rules"] = new JsonArray(p.Rules.Select(r => (JsonNode)new JsonObject
                        {
                            ["id"] = r.Id, ["severity"] = r.Severity, ["title"] = r.Title, ["does"] = r.Does, ["kind"] = r.Kind,
                        }).ToArray()),
                    }).ToArray()),
                    ["problems"] = new JsonArray(loaded.Diagnostics.Select(d => (JsonNode)new JsonObject
                    {
                        ["severity"] = d.IsError ? "error" : "warning", ["code"] = d.Code, ["source"] = d.Mark.ToString(), ["message"] = d.Message,
                    }).ToArray()),
                };
                console.WriteDocument(doc.ToJsonString(JsonReporter.Options), null);
            }
            else
            {
                var text = console.Text;
                foreach (var (pack, rules) in listed)
                {
                    text.Line((pack.Name, Style.Bold), ($" {pack.Version}  ", Style.None), (Shipped.Display(pack.Directory), Style.Dim));
                    if (pack.Manifest?.Description is { } description) text.Wrapped(description.Trim(), "  ");
                    var table = new TextTable(new("rule"), new("severity"), new("does"), new("title", Wraps: true));
                    foreach (var r in rules) table.Row(r.Id, r.Severity, r.Does, r.Title);
                    table.Write(text);
                    text.Line();
                }
                foreach (var diagnostic in loaded.Diagnostics)
                    text.Wrapped(diagnostic.ToString(), style: diagnostic.IsError ? Style.Error : Style.Warning);
                text.Line($"{Counted.Of(loaded.Packs.Count, "pack")}, {Counted.Of(listed.Sum(p => p.Rules.Count), "rule")}.");
            }
            return loaded.HasErrors ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    private static string Does(IRuleDefinition rule, IReadOnlySet<IRuleDefinition> diagnosing) =>
        diagnosing.Contains(rule) ? "diagnoses"
        : RuleRoles.Produces(rule).Select(t => t.Name).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } types ? "derives " + string.Join(", ", types)
        : "";

    /// <summary>The front end the rule was written in, shown to the reader; nothing else depends on it.</summary>
    private static string Kind(LoadedPack pack, IRuleDefinition rule) => pack.Rules.Any(r => r.Definition == rule) ? "yaml" : "csharp";

    private sealed record PackRule(string Id, string Severity, string Title, string Does, string Kind);
}
