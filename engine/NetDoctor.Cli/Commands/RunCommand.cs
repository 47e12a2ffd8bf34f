using System.CommandLine;
using NetDoctor.Cli.Pipeline;
using NetDoctor.Cli.Reporting;
using NetDoctor.Packs.Running;

namespace NetDoctor.Cli.Commands;

/// <summary>`netdoctor run`: the main job — facts from bundles or this machine, through every pack, to diagnoses.</summary>
public sealed class RunCommand(FactLoader loader, PackSet packSet, CliConsole console) : ICliCommand
{
    public Command Build()
    {
        var bundle = CommonOptions.Bundle();
        var live = CommonOptions.Live();
        var packs = CommonOptions.Packs();
        var format = CommonOptions.Format("text", "text", "json", "sarif", "markdown");
        var failOn = SeverityOption.FailOn();
        var explain = new Option<bool>("--explain") { Description = "Show how each diagnosis was derived, down to the source file:line of every fact." };
        var output = CommonOptions.Output();
        var engine = CommonOptions.Engine();
        var command = new Command("run", "Diagnose bundles or this machine with the built-in and given rule packs.")
        {
            bundle, live, packs, format, failOn, explain, output, engine,
        };
        command.SetAction(async (parse, ct) =>
        {
            var loadedPacks = packSet.Load(parse.GetValue(packs) ?? []);
            var facts = await loader.LoadAsync(parse.GetValue(bundle) ?? [], parse.GetValue(live), ct, RuleFactDemand.Of(loadedPacks.RuleDefinitions));
            var run = new DiagnosisRunner(loadedPacks, CommonOptions.ParseEngine(parse.GetValue(engine))).Run(facts.Facts, cancellationToken: ct);
            var report = ReportBuilder.Build(facts, loadedPacks, run);
            return Write(report, run, parse.GetValue(format)!, parse.GetValue(explain), parse.GetValue(output), SeverityOption.Parse(parse.GetValue(failOn)!));
        });
        return command;
    }

    public int Write(RunReport report, DiagnosisRun run, string format, bool explain, string? output, Engine.RuleSeverity failOn)
    {
        switch (format)
        {
            case "json": console.WriteDocument(JsonReporter.Render(report), output); break;
            case "sarif": console.WriteDocument(SarifReporter.Render(report), output); break;
            case "markdown": console.WriteDocument(MarkdownReporter.Render(report, explain), output); break;
            default:
                if (output is not null)
                {
                    using var file = new StringWriter();
                    new TextReporter(new CliConsole(file, console.Error, interactive: false).Ansi).Render(report, explain);
                    console.WriteDocument(file.ToString().TrimEnd(), output);
                }
                else
                {
                    new TextReporter(console.Ansi).Render(report, explain);
                }
                break;
        }

        if (run.Error is not null)
        {
            console.Error.WriteLine($"netdoctor: the rule engine stopped: {run.Error}");
            return ExitCodes.Findings;
        }
        return run.Diagnoses.Any(d => d.Diagnosis.Severity >= failOn) ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
