using NetDoctor.Lab.Tests.Cli;
using NetDoctor.Lab.Tests.Incidents;
using NetDoctor.Lab.Tests.Scenarios;
using Xunit.Abstractions;

namespace NetDoctor.Lab.Tests.Samples;

/// <summary>Regenerates samples/ from the scenarios (broken state, before any fix). Runs only when asked
/// (ND_REGENERATE_SAMPLES=1, see samples/regenerate.sh) because it rewrites committed files.</summary>
[Collection(LabCollection.Name)]
public sealed class SampleRegenerationTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names => new(ScenarioCatalog.All.Keys);

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public async Task Regenerate(string name)
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("ND_REGENERATE_SAMPLES") == "1", "set ND_REGENERATE_SAMPLES=1 (samples/regenerate.sh) to rewrite samples/");
        LabRequirements.Ensure();
        await using var scenario = ScenarioCatalog.All[name]();
        await scenario.BuildAsync();
        var probe = await scenario.ProbeAsync();
        probe.Outcome.ShouldBe(scenario.ExpectedRuleIds.Count == 0 ? ProbeOutcome.Connected : scenario.FailureOutcome, probe.ToString());
        // The real collector when it builds; the lab's own capture (same layout) otherwise.
        var useCollector = Environment.GetEnvironmentVariable("ND_SAMPLES_OWN_CAPTURE") != "1";
        if (useCollector) await NetDoctorCli.EnsureBuiltAsync();
        output.WriteLine($"{name}: {probe} -> {await SampleWriter.WriteAsync(scenario, useCollector)}");
    }
}
