using System.CommandLine;
using NetDoctor.Cli.Pipeline;
using NetDoctor.Cli.Pipeline.Waivers;
using NetDoctor.Cli.Reporting;
using NetDoctor.Cli.Reporting.Text;
using NetDoctor.Collectors.Bundles;
using NetDoctor.Engine;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Running;
using NetDoctor.Packs.Timing;

namespace NetDoctor.Cli.Commands;

/// <summary>`netdoctor run`: the main job — facts from bundles or this machine, through every pack, to diagnoses.</summary>
public sealed class RunCommand(FactLoader loader, PackSet packSet, CliConsole console) : ICliCommand
{
    public Command Build()
    {
        var bundle = CommonOptions.Bundle();
        var live = CommonOptions.Live();
        var packs = CommonOptions.Packs();
        var trust = CommonOptions.TrustCSharp();
        var format = CommonOptions.Format("text", [.. RunFormats.Names]);
        var failOn = SeverityOption.FailOn();
        var explain = new Option<bool>("--explain") { Description = "Show how each diagnosis was derived, down to the source file:line of every fact (SARIF: as related locations)." };
        var output = CommonOptions.Output();
        var engine = CommonOptions.Engine();
        var skip = new Option<string[]>("--skip") { Description = "Do not run this diagnose rule (an id, or a glob such as calico/*). Repeatable. Helper rules a kept rule needs still run." };
        var only = new Option<string[]>("--only") { Description = "Run only these diagnose rules (ids or globs such as calico/*), with the helper rules they need. Repeatable." };
        var disablePack = new Option<string[]>("--disable-pack") { Description = "Do not load this pack's rules (a built-in or --packs pack, by name). Repeatable." };
        var waivers = new Option<string[]>("--waivers") { Description = "A YAML list of accepted findings: {rule, node?, reason, expires?: YYYY-MM-DD}. Waived diagnoses are listed apart and do not fail the run. Repeatable." };
        var today = new Option<string>("--today") { Description = "The date waiver expiry is judged on (YYYY-MM-DD; default: today, UTC). Also NETDOCTOR_TODAY." };
        var maxFacts = CommonOptions.MaxFacts();
        var maxReadBytes = CommonOptions.MaxReadBytes();
        var extra = new ExtraOutputs(RunFormats.Names);
        var command = new Command("run", "Diagnose bundles or this machine with the built-in and given rule packs.")
        {
            bundle, live, packs, trust, format, failOn, explain, output, engine, skip, only, disablePack, waivers, today, maxFacts, maxReadBytes,
        };
        foreach (var option in extra.Options) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            PhaseTimings.Mark("command line");
            // Bundles are read on a worker while the packs load (the two are a small run's largest costs, and there are
            // two cores); the parse tasks wait for the packs' demand before keeping facts. The live machine is read
            // after the packs as before: collecting it runs commands.
            var bundles = parse.GetValue(bundle) ?? [];
            bool useLive = parse.GetValue(live);
            var limits = new ReadLimits(CommonOptions.ParseMaxFacts(parse.GetValue(maxFacts)), CommonOptions.ParseMaxReadBytes(parse.GetValue(maxReadBytes)));
            var demand = new DeferredDemand();
            using var small = useLive ? null : SmallInputStart.For(bundles);
            var reading = useLive ? null : Task.Run(() => loader.ReadAsync(bundles, useLive: false, ct, demand, limits), ct);
            FactInventory inventory;
            LoadedPacks loadedPacks;
            ReportFindings.Options findings;
            try
            {
                var selection = new RuleSelection(parse.GetValue(skip) ?? [], parse.GetValue(only) ?? [], parse.GetValue(disablePack) ?? []);
                (loadedPacks, var selectionProblems) = selection.Apply(packSet.Load(parse.GetValue(packs) ?? [], parse.GetValue(trust), withTests: false));
                PhaseTimings.Mark("load packs");
                // Waivers are read before the inputs are reported on: a malformed file is a usage error first.
                var waiverFiles = parse.GetValue(waivers) ?? [];
                findings = new ReportFindings.Options([.. waiverFiles.SelectMany(WaiverFile.Read)], waiverFiles, Today(parse.GetValue(today)), selectionProblems);
                inventory = new FactInventory(RuleFactDemand.Of(loadedPacks.RuleDefinitions));
            }
            catch (OutOfMemoryException) when (reading is not null)
            {
                demand.Known(DeferredDemand.Nothing);
                throw await OutOfMemoryBeside(reading, bundles);
            }
            catch
            {
                // The run ends here: let the worker's parses finish without keeping anything.
                demand.Known(DeferredDemand.Nothing);
                throw;
            }
            demand.Known(inventory);
            PhaseTimings.Mark("fact demand");
            var runner = new DiagnosisRunner(loadedPacks, CommonOptions.ParseEngine(parse.GetValue(engine)));
            if (reading is not null)
            {
                try
                {
                    runner.Prepare();
                }
                catch (OutOfMemoryException)
                {
                    throw await OutOfMemoryBeside(reading, bundles);
                }
            }
            PhaseTimings.Mark("compile rules");
            var facts = loader.Report(reading is not null ? await reading : await loader.ReadAsync(bundles, useLive, ct, inventory, limits));
            inventory.AddKept(facts.Facts);
            PhaseTimings.Mark("read bundles (rest)");
            var run = runner.Run(facts.Facts, cancellationToken: ct);
            PhaseTimings.Mark("run rules");
            var report = ReportFindings.Apply(ReportBuilder.Build(facts, loadedPacks, run), loadedPacks, inventory.Read, findings, facts);
            var options = new Rendering(parse.GetValue(explain), SeverityOption.Parse(parse.GetValue(failOn)!));
            extra.Write(parse, f => RunFormats.Render(f, report, options.Explain, options.FailOn));
            int exit = Write(report, run, parse.GetValue(format)!, options, parse.GetValue(output));
            PhaseTimings.Mark("report");
            return exit;
        });
        return command;
    }

    /// <summary>
    /// Memory ran out on the main thread (loading or compiling the packs) while the bundles were read beside it: the
    /// read filled what the packs needed. The read's own verdict wins when it stopped over its budget (a usage error
    /// naming the input, from awaiting it); else the same kind of message names the inputs — exit 2, never an abort.
    /// </summary>
    private static async Task<Exception> OutOfMemoryBeside(Task<FactLoader.Read> reading, IReadOnlyList<string> bundles)
    {
        await reading;
        return new UsageException(ReadingBudget.Default().OutOfMemoryBeside(string.Join(", ", bundles)));
    }

    /// <summary>How a report is rendered: with the derivation, and which severity fails (JUnit cases, exit code).</summary>
    public sealed record Rendering(bool Explain, RuleSeverity FailOn);

    /// <summary>
    /// Writes the report in <paramref name="format"/> (human text to the terminal, else a document) and returns the exit
    /// code: 4 when the engine stopped, or when a rule failed or reading was cut and no diagnosis reached --fail-on;
    /// else 1 for findings, 0. A cut is like a rule failure: some rules did not run somewhere, the others' findings
    /// rest on evidence read whole (what rested on cut evidence was withheld), so findings still win.
    /// </summary>
    public int Write(RunReport report, DiagnosisRun run, string format, Rendering options, string? output)
    {
        if (format == "text" && output is null)
            new TextReporter(console.Text).Render(report, options.Explain);
        else
            console.WriteDocument(RunFormats.Render(format, report, options.Explain, options.FailOn).TrimEnd(), output);

        // Waived diagnoses are not in report.Diagnoses: they never fail the run.
        bool findings = report.Diagnoses.Any(d => RuleMetadata.TryParseSeverity(d.Severity, out var s) && s >= options.FailOn);
        if (report.Cut is { } cut) console.Error.WriteLine($"netdoctor: the run is incomplete, {cut.Message}");
        if (run.Error is not null)
        {
            console.Error.WriteLine($"netdoctor: the rule engine stopped, the run is incomplete: {run.Error}");
            return ExitCodes.Incomplete;
        }
        if (run.RuleFailures.Count > 0)
        {
            console.Error.WriteLine($"netdoctor: {Counted.Of(run.RuleFailures.Count, "rule")} failed and {(run.RuleFailures.Count == 1 ? "was" : "were")} disabled " +
                $"({string.Join(", ", run.RuleFailures.Select(f => f.RuleId))}); every other rule ran");
        }
        if (run.RuleFailures.Count > 0 || report.Cut is not null) return findings ? ExitCodes.Findings : ExitCodes.Incomplete;
        return findings ? ExitCodes.Findings : ExitCodes.Ok;
    }

    /// <summary>The date waivers expire against: --today, else NETDOCTOR_TODAY, else the system clock's UTC date.</summary>
    private static DateOnly Today(string? option)
    {
        string? text = option ?? Environment.GetEnvironmentVariable("NETDOCTOR_TODAY");
        if (string.IsNullOrWhiteSpace(text)) return DateOnly.FromDateTime(DateTime.UtcNow);
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"--today {text}: not a date YYYY-MM-DD");
    }
}
