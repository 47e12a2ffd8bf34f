using NetDoctor.Lab.Tests.Cli;
using NetDoctor.Lab.Tests.Incidents;
using NetDoctor.Lab.Tests.Scenarios;
using Xunit.Abstractions;

namespace NetDoctor.Lab.Tests.Samples;

/// <summary>Regenerates samples/ from the scenarios (broken state, before any fix). Runs only when asked
/// (ND_REGENERATE_SAMPLES=1, optionally ND_SAMPLE=&lt;part of a name&gt;; see samples/regenerate.sh) because it rewrites committed files.</summary>
[Collection(LabCollection.Name)]
public sealed class SampleRegenerationTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Regenerate_samples()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("ND_REGENERATE_SAMPLES") == "1", "rewrites samples/: set ND_REGENERATE_SAMPLES=1 (samples/regenerate.sh)");
        LabRequirements.Ensure();
        var only = Environment.GetEnvironmentVariable("ND_SAMPLE") ?? "";
        // The real collector when it builds; the lab's own capture (same layout) when ND_SAMPLES_OWN_CAPTURE=1.
        var useCollector = Environment.GetEnvironmentVariable("ND_SAMPLES_OWN_CAPTURE") != "1";
        if (useCollector) await NetDoctorCli.EnsureBuiltAsync();
        var names = ScenarioCatalog.All.Keys.Where(n => n.Contains(only, StringComparison.Ordinal)).ToList();
        names.ShouldNotBeEmpty($"no scenario matches ND_SAMPLE={only}");
        foreach (var name in names)
        {
            await using var scenario = ScenarioCatalog.All[name]();
            await scenario.BuildAsync();
            var probe = await scenario.ProbeAsync();
            probe.Outcome.ShouldBe(scenario.FailureOutcome, probe.ToString());
            output.WriteLine($"{name}: {probe} -> {await SampleWriter.WriteAsync(scenario, useCollector)}");
        }
    }
}
