using NetDoctor.Lab.Tests.Lab.Cluster;
using NetDoctor.Lab.Tests.Lab.KubeProxy;

namespace NetDoctor.Lab.Tests.Scenarios;

/// <summary>
/// The cluster of seed 004, shared by the incident and its healthy counterpart: master01 (API server on 6443) and node01 on one LAN,
/// kube-proxy in IPVS mode on node01 serving the ClusterIP 10.20.0.1:443. The two differ only in the cluster CIDR kube-proxy runs with.
/// EMULATED: this kernel has no IPVS; see <see cref="IpvsProxier"/> (kube-ipvs0 as an ifb device, the IPVS DNAT as an nftables nat chain
/// right after iptables' nat OUTPUT, ipvsadm.txt written from the scenario).
/// </summary>
public abstract class IpvsKubeProxyCluster : Scenario
{
    protected static readonly ServicePort Kubernetes = new("default", "kubernetes", "https", "10.20.0.1", 443, [("10.19.9.120", 6443)]);
    protected const string ClusterCidr = "172.16.128.0/17";
    protected const string KubeletCommandLine = "/usr/local/bin/kubelet --address=10.19.136.10 --hostname-override=node01 --cluster-dns=10.20.0.2 --network-plugin=cni";

    /// <summary>The cluster CIDR kube-proxy programs its rules with (null: started without one).</summary>
    protected abstract string? ProxyClusterCidr { get; }

    /// <summary>kube-proxy's command line as processes.txt shows it.</summary>
    protected abstract string KubeProxyCommandLine { get; }

    public override IReadOnlyList<string> BundleNodes => ["node01"];

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
        await IpvsProxier.ProgramAsync(node, ProxyClusterCidr, [Kubernetes]);

        Cluster.Nodes.Add(new ClusterNode("master01", "10.19.9.120", "172.16.128.0/24", null, ControlPlane: true));
        Cluster.Nodes.Add(new ClusterNode("node01", "10.19.136.10", "172.16.130.0/24", null));
        Cluster.Services.Add(Kubernetes);
        Cluster.SetProcesses("node01", KubeletCommandLine, KubeProxyCommandLine);
        Cluster.SetProcesses("master01",
            "/usr/local/bin/kube-apiserver --advertise-address=10.19.9.120 --bind-address=10.19.9.120 --secure-port=6443 --service-cluster-ip-range=10.20.0.0/16 --authorization-mode=Node,RBAC");
        Cluster.NodeFiles["node01/ipvsadm.txt"] = IpvsProxier.IpvsadmSave([Kubernetes]);
    }

    public override Task<ProbeResult> ProbeAsync() => Node("node01").ConnectAsync("10.20.0.1", 443);
}
