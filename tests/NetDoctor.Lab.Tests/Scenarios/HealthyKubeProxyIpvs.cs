using NetDoctor.Lab.Tests.Cli;
using NetDoctor.Lab.Tests.Lab.KubeProxy;

namespace NetDoctor.Lab.Tests.Scenarios;

/// <summary>The healthy counterpart of incident 004: kube-proxy in IPVS mode with a KubeProxyConfiguration whose clusterCIDR is the pod
/// network, so host-network connections to ClusterIPs are marked and masqueraded and node01 reaches 10.20.0.1:443.
/// EMULATED exactly as in <see cref="Incident004KubeProxyNoClusterCidr"/>: no IPVS in this kernel (see <see cref="IpvsProxier"/>).</summary>
public sealed class HealthyKubeProxyIpvs : IpvsKubeProxyCluster
{
    public override string Name => "healthy-kube-proxy-ipvs";
    public override string Summary => "kube-proxy in IPVS mode with clusterCIDR 172.16.128.0/17: node01 reaches the ClusterIP 10.20.0.1:443 (masqueraded to its own address).";
    public override IReadOnlyList<string> ExpectedRuleIds => [];
    public override ProbeOutcome FailureOutcome => ProbeOutcome.Connected;

    protected override string? ProxyClusterCidr => ClusterCidr;
    protected override string KubeProxyCommandLine => "/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override=node01";

    public override async Task BuildAsync()
    {
        await base.BuildAsync();
        Cluster.NodeFiles["node01/kube-proxy-config.yaml"] = KubeProxyConfigs.Render("ipvs", ClusterCidr);
    }

    public override Task<string> RemediateAsync(IReadOnlyList<Diagnosis> diagnoses) => Task.FromResult("nothing to fix");
}
