using NetDoctor.Lab.Tests.Scenarios;
using Xunit.Abstractions;

namespace NetDoctor.Lab.Tests.Incidents;

/// <summary>Seed 003: no default route; connecting to the ClusterIP fails with Network is unreachable.</summary>
[Collection(LabCollection.Name)]
public sealed class Incident003Tests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task ClusterIP_is_unreachable_until_the_node_has_a_default_route()
    {
        await using var scenario = new Incident003NoDefaultRoute();
        await new IncidentFlow(output).ReproduceAndFixAsync(scenario);
    }

    [SkippableFact]
    public async Task Netdoctor_names_the_missing_route_live_and_not_after_the_fix()
    {
        await using var scenario = new Incident003NoDefaultRoute();
        await new IncidentFlow(output).DiagnoseLiveAsync(scenario);
    }
}
