using NetDoctor.Lab.Tests.Scenarios;
using Xunit.Abstractions;

namespace NetDoctor.Lab.Tests.Incidents;

/// <summary>Seed 001: a node's BGP address is a stray interface's; mesh sessions down, pod routes missing.</summary>
[Collection(LabCollection.Name)]
public sealed class Incident001Tests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Pod_on_k8s02_cannot_reach_coredns_until_the_stray_interface_is_gone()
    {
        await using var scenario = new Incident001BgpStrayInterface();
        await new IncidentFlow(output).ReproduceAndFixAsync(scenario);
    }

    [SkippableFact]
    public async Task Netdoctor_names_the_bgp_address_mismatch_live_and_not_after_the_fix()
    {
        await using var scenario = new Incident001BgpStrayInterface();
        await new IncidentFlow(output).DiagnoseLiveAsync(scenario);
    }
}
