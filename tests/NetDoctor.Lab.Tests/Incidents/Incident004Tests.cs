using NetDoctor.Lab.Tests.Scenarios;
using Xunit.Abstractions;

namespace NetDoctor.Lab.Tests.Incidents;

/// <summary>Seed 004 (IPVS emulated, see IpvsProxier): node-originated ClusterIP traffic is not masqueraded and times out.</summary>
[Collection(LabCollection.Name)]
public sealed class Incident004Tests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Node_to_ClusterIP_times_out_until_kube_proxy_knows_the_cluster_cidr()
    {
        await using var scenario = new Incident004KubeProxyNoClusterCidr();
        await new IncidentFlow(output).ReproduceAndFixAsync(scenario);
    }

    [SkippableFact]
    public async Task Netdoctor_names_the_missing_cluster_cidr_live_and_not_after_the_fix()
    {
        await using var scenario = new Incident004KubeProxyNoClusterCidr();
        await new IncidentFlow(output).DiagnoseLiveAsync(scenario);
    }
}
