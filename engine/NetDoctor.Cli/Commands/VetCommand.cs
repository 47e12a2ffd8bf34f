using System.CommandLine;
using NetDoctor.Cli.Reporting;
using NetDoctor.Hosting;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Testing;
using NetDoctor.Packs.Vetting;
using NetDoctor.Packs.Vetting.Reporters;

namespace NetDoctor.Cli.Commands;

/// <summary>
/// `netdoctor vet PACKDIR...`: what a pack's CI runs — schema, type-check, lint, every RuleTest, rule coverage.
/// The built-in packs are loaded alongside (not vetted) so a community pack may build on their derived facts.
/// One run can write several formats: --format for stdout, --output-FORMAT FILE for each other.
/// </summary>
public sealed class VetCommand(NetDoctorPacks packs, CliConsole console) : ICliCommand
{
    public Command Build()
    {
        var dirs = new Argument<string[]>("PACKDIR") { Description = "Pack folders (or folders of packs, like rulepacks/) to vet.", Arity = ArgumentArity.OneOrMore };
        var format = CommonOptions.Format("text", [.. VetReporters.Formats]);
        var output = CommonOptions.Output();
        var engine = CommonOptions.Engine();
        var trust = CommonOptions.TrustCSharp();
        var run = new Option<string>("--run")
        {
            Description = "Run only the tests whose name or rule id matches: a glob (* and ?) over the whole name or id, or /regex/ found anywhere in either. Coverage is not checked then.",
            HelpName = "PATTERN",
        };
        var trace = new Option<bool>("--trace") { Description = "Under each test, trace its rule: per when-element and condition, how many facts matched, and the first element that matched nothing." };
        var extra = new ExtraOutputs(VetReporters.Formats);
        var command = new Command("vet", "Validate rule packs and run their tests: schema, types, lint, tests, coverage.") { dirs, format, output, engine, trust, run, trace };
        foreach (var option in extra.Options) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var targets = parse.GetValue(dirs)!;
            foreach (var dir in targets)
                if (!Directory.Exists(dir)) throw new UsageException($"{dir}: no such pack directory");

            TestFilter? filter;
            try
            {
                filter = parse.GetValue(run) is { } pattern ? TestFilter.Parse(pattern) : null;
            }
            catch (ArgumentException ex)
            {
                throw new UsageException($"--run: not a valid regular expression: {ex.Message}");
            }
            var options = packs.VetOptions(targets, CommonOptions.ParseEngine(parse.GetValue(engine)), parse.GetValue(trust)) with
            {
                Run = filter,
                Trace = parse.GetValue(trace),
            };
            var report = PackVetter.Vet(targets, options);
            // Untrusted C# is not a failing pack but a question the user has to answer: a usage error, exit 2.
            if (report.Diagnostics.Where(d => d.Code == DiagnosticCodes.CSharpUntrusted).ToList() is { Count: > 0 } untrusted)
                throw new UsageException(string.Join(Environment.NewLine, untrusted.Select(d => d.ToString())));
            var tool = new ReportTool(ToolIdentity.Name, ToolIdentity.Version, ToolIdentity.InformationUri);
            extra.Write(parse, f => VetReporters.Render(report, f, tool));
            console.WriteDocument(VetReporters.Render(report, parse.GetValue(format)!, tool).TrimEnd(), parse.GetValue(output));
            return report.Passed ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }
}
