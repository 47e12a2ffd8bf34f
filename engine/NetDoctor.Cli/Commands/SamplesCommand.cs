using System.CommandLine;
using System.Text.Json.Nodes;
using NetDoctor.Cli.Pipeline;
using NetDoctor.Cli.Reporting;
using NetDoctor.Cli.Reporting.Text;

namespace NetDoctor.Cli.Commands;

/// <summary>
/// `netdoctor samples` (also `netdoctor --list-samples`): where the sample bundles shipped with the program are and
/// what they are called, so the README's tour works from an installed tool too — its samples live in the tool's store.
/// </summary>
public sealed class SamplesCommand(CliConsole console) : ICliCommand
{
    public Command Build()
    {
        var path = new Option<bool>("--path") { Description = "Print only the samples directory (for scripts: --bundle \"$(netdoctor samples --path)/incident-000-ippool-overlap\")." };
        var format = CommonOptions.Format("text", "text", "json");
        var command = new Command("samples", "List the sample bundles shipped with netdoctor and where they are.") { path, format };
        command.SetAction(parse => List(parse.GetValue(path), parse.GetValue(format) == "json"));
        return command;
    }

    public int List(bool pathOnly = false, bool json = false)
    {
        string dir = Path.GetFullPath(Shipped.Samples);
        if (!Directory.Exists(dir)) throw new UsageException($"no samples at {dir} (this build was made without them)");
        var samples = Directory.GetDirectories(dir).Order(StringComparer.Ordinal).ToList();
        if (pathOnly)
        {
            console.Out.WriteLine(dir);
            return ExitCodes.Ok;
        }
        if (json)
        {
            var doc = new JsonObject
            {
                ["directory"] = dir,
                ["samples"] = new JsonArray(samples.Select(s => (JsonNode)new JsonObject { ["name"] = Path.GetFileName(s), ["path"] = s }).ToArray()),
            };
            console.WriteDocument(doc.ToJsonString(JsonReporter.Options), null);
            return ExitCodes.Ok;
        }
        var text = console.Text;
        text.Line($"{Counted.Of(samples.Count, "sample bundle")} in {dir}:");
        foreach (string sample in samples) text.Line("  " + Path.GetFileName(sample));
        text.Line();
        text.Line("Diagnose one:");
        text.Line($"  netdoctor run --bundle {Shell.Quote(Path.Combine(dir, DemoCommand.Sample))}", Style.Command);
        return ExitCodes.Ok;
    }
}
