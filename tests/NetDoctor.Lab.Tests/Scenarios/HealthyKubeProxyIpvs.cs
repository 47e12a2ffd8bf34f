using NetDoctor.Lab.Tests.Cli;
using NetDoctor.Lab.Tests.Lab.Cluster;
using NetDoctor.Lab.Tests.Lab.KubeProxy;

namespace NetDoctor.Lab.Tests.Scenarios;

/// <summary>The healthy counterpart of incident 004: kube-proxy in IPVS mode with a KubeProxyConfiguration whose clusterCIDR is the pod
/// network, so host-network connections to ClusterIPs are marked and masqueraded and node01 reaches 10.20.0.1:443.
/// EMULATED exactly as in <see cref="Incident004KubeProxyNoClusterCidr"/>: no IPVS in this kernel (see <see cref="IpvsProxier"/>).</summary>
public sealed class HealthyKubeProxyIpvs : Scenario
{
    private static readonly ServicePort Kubernetes = new("default", "kubernetes", "https", "10.20.0.1", 443, [("10.19.9.120", 6443)]);
    private const string ClusterCidr = "172.16.128.0/17";

    public override string Name => "healthy-kube-proxy-ipvs";
    public override string Summary => "kube-proxy in IPVS mode with clusterCIDR 172.16.128.0/17: node01 reaches the ClusterIP 10.20.0.1:443 (masqueraded to its own address).";
    public override IReadOnlyList<string> BundleNodes => ["node01"];
    public override IReadOnlyList<string> ExpectedRuleIds => [];
    public override ProbeOutcome FailureOutcome => ProbeOutcome.Connected;
    public override IReadOnlyList<string> Emulated =>
    [
        "node01/ipvsadm.txt: what `ipvsadm -Sn` prints for the virtual server (no IPVS in the lab kernel)",
        "IPVS DNAT: nftables table ndlab_ipvs_emulation (see node01/nft-ruleset.txt), nat output hook priority -99",
        "kube-ipvs0: an ifb device instead of dummy (same BROADCAST,NOARP flags, left down)",
    ];

    public override async Task BuildAsync()
    {
        var lan = await Lab.AddBridgeAsync();
        await AddGatewayAsync(lan, "10.19.0.1/16");
        var master = await AddNodeAsync(lan, "master01", "10.19.9.120/16", "eth0", "10.19.0.1");
        master.Listen("0.0.0.0", 6443);
        var node = await AddNodeAsync(lan, "node01", "10.19.136.10/16", "eth0", "10.19.0.1");
        await IpvsProxier.ProgramAsync(node, ClusterCidr, [Kubernetes]);

        Cluster.Nodes.Add(new ClusterNode("master01", "10.19.9.120", "172.16.128.0/24", null, ControlPlane: true));
        Cluster.Nodes.Add(new ClusterNode("node01", "10.19.136.10", "172.16.130.0/24", null));
        Cluster.Services.Add(Kubernetes);
        Cluster.SetProcesses("node01",
            "/usr/local/bin/kubelet --address=10.19.136.10 --hostname-override=node01 --cluster-dns=10.20.0.2 --network-plugin=cni",
            "/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override=node01");
        Cluster.SetProcesses("master01",
            "/usr/local/bin/kube-apiserver --advertise-address=10.19.9.120 --bind-address=10.19.9.120 --secure-port=6443 --service-cluster-ip-range=10.20.0.0/16 --authorization-mode=Node,RBAC");
        Cluster.NodeFiles["node01/kube-proxy-config.yaml"] = KubeProxyConfigs.Render("ipvs", ClusterCidr);
        Cluster.NodeFiles["node01/ipvsadm.txt"] = IpvsProxier.IpvsadmSave([Kubernetes]);
    }

    public override Task<ProbeResult> ProbeAsync() => Node("node01").ConnectAsync("10.20.0.1", 443);

    public override Task<string> RemediateAsync(IReadOnlyList<Diagnosis> diagnoses) => Task.FromResult("nothing to fix");
}
