using NetDoctor.Lab.Tests.Scenarios;
using Xunit.Abstractions;

namespace NetDoctor.Lab.Tests.Incidents;

/// <summary>Seed 000: IPPool overlapping the node network; pod -> API server through the ClusterIP times out (no SNAT).</summary>
[Collection(LabCollection.Name)]
public sealed class Incident000Tests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Pod_to_api_server_times_out_until_the_pool_no_longer_overlaps_the_nodes()
    {
        await using var scenario = new Incident000IpPoolOverlap();
        await new IncidentFlow(output).ReproduceAndFixAsync(scenario);
    }

    [SkippableFact]
    public async Task Netdoctor_names_the_overlap_live_and_not_after_the_fix()
    {
        await using var scenario = new Incident000IpPoolOverlap();
        await new IncidentFlow(output).DiagnoseLiveAsync(scenario);
    }
}
