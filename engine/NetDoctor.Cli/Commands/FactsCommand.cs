using System.CommandLine;
using System.Text.Json.Nodes;
using NetDoctor.Cli.Pipeline;
using NetDoctor.Cli.Reporting;
using NetDoctor.Cli.Reporting.Text;

namespace NetDoctor.Cli.Commands;

/// <summary>`netdoctor facts`: what NetDoctor read, fact by fact, with provenance — for authoring rules and for doubting a diagnosis.</summary>
public sealed class FactsCommand(FactLoader loader, CliConsole console) : ICliCommand
{
    public Command Build()
    {
        var bundle = CommonOptions.Bundle();
        var live = CommonOptions.Live();
        var type = new Option<string>("--type") { Description = "Only facts of this type (e.g. Route, IptablesRule, IpPool); case-insensitive." };
        var format = CommonOptions.Format("text", "text", "json");
        var output = CommonOptions.Output();
        var maxFacts = CommonOptions.MaxFacts();
        var maxReadBytes = CommonOptions.MaxReadBytes();
        var command = new Command("facts", "Show the typed facts read from bundles or the live machine, with their source file:line.")
        {
            bundle, live, type, format, output, maxFacts, maxReadBytes,
        };
        command.SetAction(async (parse, ct) =>
        {
            var limits = new ReadLimits(CommonOptions.ParseMaxFacts(parse.GetValue(maxFacts)), CommonOptions.ParseMaxReadBytes(parse.GetValue(maxReadBytes)));
            var facts = await loader.LoadAsync(parse.GetValue(bundle) ?? [], parse.GetValue(live), ct, limits: limits);
            var typeFilter = parse.GetValue(type);
            var selected = facts.Facts
                .Where(f => typeFilter is null || string.Equals(f.GetType().Name, typeFilter, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (typeFilter is not null && selected.Count == 0 && !facts.Facts.Any(f => string.Equals(f.GetType().Name, typeFilter, StringComparison.OrdinalIgnoreCase)))
            {
                var known = facts.Facts.Select(f => f.GetType().Name).Distinct().Order();
                console.Error.WriteLine($"netdoctor: no facts of type '{typeFilter}' (present: {string.Join(", ", known)})");
            }

            if (parse.GetValue(format) == "json")
            {
                var doc = new JsonObject
                {
                    ["inputs"] = new JsonArray(facts.Inputs.Select(i => (JsonNode)new JsonObject
                    {
                        ["path"] = i.Path,
                        ["nodes"] = new JsonArray(i.Nodes.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
                        ["files"] = i.Files,
                        ["layout"] = i.Layout,
                    }).ToArray()),
                    ["facts"] = new JsonArray(selected.Select(f => (JsonNode)FactJson.ToJson(f)).ToArray()),
                    ["problems"] = new JsonArray(facts.Problems.Select(p => (JsonNode)new JsonObject
                    {
                        ["source"] = p.Source.ToString(),
                        ["message"] = p.Message,
                    }).ToArray()),
                };
                console.WriteDocument(doc.ToJsonString(JsonReporter.Options), parse.GetValue(output));
            }
            else
            {
                var text = console.Text;
                var table = new TextTable(new("type"), new("node"), new("fact", Wraps: true), new("source", Style: Style.Dim, StackedPrefix: "at "));
                foreach (var f in selected.OrderBy(f => f.GetType().Name, StringComparer.Ordinal).ThenBy(f => f.Node, StringComparer.Ordinal))
                    table.Row(f.GetType().Name, f.Node ?? "-", f.Summary, f.Source.ToString());
                table.Write(text, indent: "");
                foreach (var p in facts.Problems)
                    text.Wrapped($"problem {p.Source}: {p.Message}", rest: "    ", style: Style.Warning);
                text.Line($"{Counted.Of(selected.Count, "fact")}, {Counted.Of(facts.Problems.Count, "problem")}, {Counted.Of(facts.Inputs.Sum(i => i.Files), "file")}.");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
