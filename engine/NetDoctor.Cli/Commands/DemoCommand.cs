using System.CommandLine;
using NetDoctor.Cli.Pipeline;
using NetDoctor.Packs.Running;

namespace NetDoctor.Cli.Commands;

/// <summary>`netdoctor demo`: the one-minute tour — diagnoses the bundled incident-000 sample with explanations.</summary>
public sealed class DemoCommand(RunCommand run, PackSet packSet, CliConsole console) : ICliCommand
{
    public const string Sample = "incident-000-ippool-overlap";

    public Command Build()
    {
        var command = new Command("demo", $"Diagnose the bundled sample '{Sample}' and explain the result.");
        command.SetAction(parse =>
        {
            string sample = Path.Combine(SamplesDirectory, Sample);
            if (!Directory.Exists(sample)) throw new UsageException($"demo sample not found at {sample}");
            console.Out.WriteLine($"$ netdoctor run --bundle samples/{Sample} --explain");
            console.Out.WriteLine();
            var packs = packSet.Load([]);
            var facts = Collectors.Bundles.BundleReader.Read([sample]);
            var result = new DiagnosisRunner(packs).Run(facts.Facts);
            var report = ReportBuilder.Build(facts, packs, result);
            run.Write(report, result, "text", explain: true, output: null, Engine.RuleSeverity.Critical);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Samples ship beside the program; NETDOCTOR_SAMPLES overrides (tests, development).</summary>
    public static string SamplesDirectory =>
        Environment.GetEnvironmentVariable("NETDOCTOR_SAMPLES") is { Length: > 0 } overridden
            ? overridden
            : Path.Combine(AppContext.BaseDirectory, "samples");
}
