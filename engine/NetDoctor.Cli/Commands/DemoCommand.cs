using System.CommandLine;
using NetDoctor.Cli.Pipeline;
using NetDoctor.Engine;
using NetDoctor.Packs.Running;

namespace NetDoctor.Cli.Commands;

/// <summary>`netdoctor demo`: the one-minute tour — diagnoses the bundled incident-000 sample with explanations, from any directory.</summary>
public sealed class DemoCommand(RunCommand run, PackSet packSet, CliConsole console) : ICliCommand
{
    public const string Sample = "incident-000-ippool-overlap";

    public Command Build()
    {
        var command = new Command("demo", $"Diagnose the bundled sample '{Sample}' and explain the result (works from any directory).");
        command.SetAction(parse =>
        {
            string sample = Path.Combine(Shipped.Samples, Sample);
            if (!Directory.Exists(sample)) throw new UsageException($"demo sample not found at {sample} ('netdoctor samples' says where samples are)");
            console.Out.WriteLine($"$ netdoctor run --bundle {Shell.Quote(Shipped.Relative(sample))} --explain");
            console.Out.WriteLine();
            var packs = packSet.Load([], withTests: false);
            var facts = Collectors.Bundles.BundleReader.Read([sample]);
            var result = new DiagnosisRunner(packs).Run(facts.Facts);
            var report = ReportFindings.Apply(ReportBuilder.Build(facts, packs, result), packs, FactInventory.Of(facts.Facts),
                new ReportFindings.Options([], [], DateOnly.FromDateTime(DateTime.UtcNow), []), facts);
            run.Write(report, result, "text", new RunCommand.Rendering(Explain: true, RuleSeverity.Critical), output: null);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Samples ship beside the program (see <see cref="Shipped"/>).</summary>
    public static string SamplesDirectory => Shipped.Samples;
}
