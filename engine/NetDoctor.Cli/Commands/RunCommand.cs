using System.CommandLine;
using NetDoctor.Cli.Pipeline;
using NetDoctor.Cli.Reporting;
using NetDoctor.Cli.Reporting.Text;
using NetDoctor.Engine;
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
        var format = CommonOptions.Format("text", [.. RunFormats.Names]);
        var failOn = SeverityOption.FailOn();
        var explain = new Option<bool>("--explain") { Description = "Show how each diagnosis was derived, down to the source file:line of every fact (SARIF: as related locations)." };
        var output = CommonOptions.Output();
        var engine = CommonOptions.Engine();
        var extra = new ExtraOutputs(RunFormats.Names);
        var command = new Command("run", "Diagnose bundles or this machine with the built-in and given rule packs.")
        {
            bundle, live, packs, format, failOn, explain, output, engine,
        };
        foreach (var option in extra.Options) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            var loadedPacks = packSet.Load(parse.GetValue(packs) ?? []);
            var facts = await loader.LoadAsync(parse.GetValue(bundle) ?? [], parse.GetValue(live), ct, RuleFactDemand.Of(loadedPacks.RuleDefinitions));
            var run = new DiagnosisRunner(loadedPacks, CommonOptions.ParseEngine(parse.GetValue(engine))).Run(facts.Facts, cancellationToken: ct);
            var report = ReportBuilder.Build(facts, loadedPacks, run);
            var options = new Rendering(parse.GetValue(explain), SeverityOption.Parse(parse.GetValue(failOn)!));
            extra.Write(parse, f => RunFormats.Render(f, report, options.Explain, options.FailOn));
            return Write(report, run, parse.GetValue(format)!, options, parse.GetValue(output));
        });
        return command;
    }

    /// <summary>How a report is rendered: with the derivation, and which severity fails (JUnit cases, exit code).</summary>
    public sealed record Rendering(bool Explain, RuleSeverity FailOn);

    /// <summary>
    /// Writes the report in <paramref name="format"/> (human text to the terminal, else a document) and returns the exit
    /// code: 4 when the engine stopped, or when a rule failed and no diagnosis reached --fail-on; else 1 for findings, 0.
    /// </summary>
    public int Write(RunReport report, DiagnosisRun run, string format, Rendering options, string? output)
    {
        if (format == "text" && output is null)
            new TextReporter(console.Text).Render(report, options.Explain);
        else
            console.WriteDocument(RunFormats.Render(format, report, options.Explain, options.FailOn).TrimEnd(), output);

        bool findings = run.Diagnoses.Any(d => d.Diagnosis.Severity >= options.FailOn);
        if (run.Error is not null)
        {
            console.Error.WriteLine($"netdoctor: the rule engine stopped, the run is incomplete: {run.Error}");
            return ExitCodes.Incomplete;
        }
        if (run.RuleFailures.Count > 0)
        {
            console.Error.WriteLine($"netdoctor: {Counted.Of(run.RuleFailures.Count, "rule")} failed and {(run.RuleFailures.Count == 1 ? "was" : "were")} disabled " +
                $"({string.Join(", ", run.RuleFailures.Select(f => f.RuleId))}); every other rule ran");
            return findings ? ExitCodes.Findings : ExitCodes.Incomplete;
        }
        return findings ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
