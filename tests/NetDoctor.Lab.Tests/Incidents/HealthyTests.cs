using NetDoctor.Lab.Tests.Scenarios;
using Xunit.Abstractions;

namespace NetDoctor.Lab.Tests.Incidents;

/// <summary>Healthy clusters: everything connects, and netdoctor reports nothing at warning or above.</summary>
[Collection(LabCollection.Name)]
public sealed class HealthyTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Calico_cluster_connects_pod_to_pod_and_pod_to_api_server()
    {
        await using var scenario = new HealthyCalico();
        await new IncidentFlow(output).HealthyAsync(scenario, withNetDoctor: false);
    }

    [SkippableFact]
    public async Task Netdoctor_reports_nothing_on_the_healthy_calico_cluster()
    {
        await using var scenario = new HealthyCalico();
        await new IncidentFlow(output).HealthyAsync(scenario, withNetDoctor: true);
    }

    /// <summary>IPVS emulated (no ip_vs in this kernel): see IpvsProxier.</summary>
    [SkippableFact]
    public async Task Kube_proxy_ipvs_node_reaches_the_cluster_ip()
    {
        await using var scenario = new HealthyKubeProxyIpvs();
        await new IncidentFlow(output).HealthyAsync(scenario, withNetDoctor: false);
    }

    [SkippableFact]
    public async Task Netdoctor_reports_nothing_on_the_healthy_kube_proxy_node()
    {
        await using var scenario = new HealthyKubeProxyIpvs();
        await new IncidentFlow(output).HealthyAsync(scenario, withNetDoctor: true);
    }
}
