using NetDoctor.Lab.Tests.Cli;
using NetDoctor.Lab.Tests.Lab.Cluster;
using NetDoctor.Lab.Tests.Lab.KubeProxy;

namespace NetDoctor.Lab.Tests.Scenarios;

/// <summary>
/// Incident 004's cluster with kube-proxy in nftables mode (GA in Kubernetes 1.33): master01 (API server on 6443) and node01 on
/// one LAN, kube-proxy's real nftables table on node01 serving the ClusterIP 10.20.0.1:443. Started with <paramref name="clusterCidr"/>
/// (null: incident 004's missing --cluster-cidr; 10.20.0.0/16: its detour, the service CIDR). No ClusterIP is bound on node01 in
/// this mode, so its own connection to 10.20.0.1 leaves with 10.19.136.10 and connects either way: what the lab shows is that the
/// premise of incident 004 does not hold here, and netdoctor must not claim it does. Nothing is emulated.
/// </summary>
public sealed class KubeProxyNftablesCluster(string? clusterCidr) : Scenario
{
    private static readonly ServicePort Kubernetes = new("default", "kubernetes", "https", "10.20.0.1", 443, [("10.19.9.120", 6443)]);

    public string? ClusterCidr { get; } = clusterCidr;
    public override string Name => "kube-proxy-nftables-" + (ClusterCidr is null ? "no-cluster-cidr" : "cluster-cidr-" + ClusterCidr.Replace('/', '_'));
    public override string Summary => $"kube-proxy (nftables mode) with {(ClusterCidr is null ? "no cluster CIDR" : "cluster CIDR " + ClusterCidr)}: node01 still reaches ClusterIPs.";
    public override IReadOnlyList<string> BundleNodes => ["node01"];
    public override IReadOnlyList<string> ExpectedRuleIds => [];
    public override ProbeOutcome FailureOutcome => ProbeOutcome.Connected;

    public override async Task BuildAsync()
    {
        var lan = await Lab.AddBridgeAsync();
        await AddGatewayAsync(lan, "10.19.0.1/16");
        var master = await AddNodeAsync(lan, "master01", "10.19.9.120/16", "eth0", "10.19.0.1");
        master.Listen("0.0.0.0", 6443);
        var node = await AddNodeAsync(lan, "node01", "10.19.136.10/16", "eth0", "10.19.0.1");
        await node.SysctlAsync("net.ipv4.ip_forward", "1");
        await NftablesProxier.ProgramAsync(node, ClusterCidr, "10.20.0.0/16", "10.19.136.10", [Kubernetes]);

        Cluster.Nodes.Add(new ClusterNode("master01", "10.19.9.120", "172.16.128.0/24", null, ControlPlane: true));
        Cluster.Nodes.Add(new ClusterNode("node01", "10.19.136.10", "172.16.130.0/24", null));
        Cluster.Services.Add(Kubernetes);
        Cluster.SetProcesses("node01",
            "/usr/local/bin/kubelet --address=10.19.136.10 --hostname-override=node01 --cluster-dns=10.20.0.2 --network-plugin=cni",
            "/usr/local/bin/kube-proxy --bind-address=10.19.136.10 --hostname-override=node01 --kubeconfig=/etc/kubernetes/kube-proxy.kubeconfig --proxy-mode=nftables"
                + (ClusterCidr is null ? "" : $" --cluster-cidr={ClusterCidr}") + " --v=2");
        Cluster.SetProcesses("master01",
            "/usr/local/bin/kube-apiserver --advertise-address=10.19.9.120 --bind-address=10.19.9.120 --secure-port=6443 --service-cluster-ip-range=10.20.0.0/16 --authorization-mode=Node,RBAC");
    }

    public override Task<ProbeResult> ProbeAsync() => Node("node01").ConnectAsync("10.20.0.1", 443);

    public override Task<string> RemediateAsync(IReadOnlyList<Diagnosis> diagnoses) => Task.FromResult("nothing to fix: the connection works");
}
