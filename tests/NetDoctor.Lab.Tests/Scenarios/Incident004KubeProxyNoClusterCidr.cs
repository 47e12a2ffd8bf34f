using NetDoctor.Lab.Tests.Cli;
using NetDoctor.Lab.Tests.Lab.KubeProxy;

namespace NetDoctor.Lab.Tests.Scenarios;

/// <summary>Seed 004: kube-proxy (IPVS mode) on node01 started without --cluster-cidr, so the
/// `KUBE-SERVICES ! -s &lt;cluster CIDR&gt; -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ` rule is missing.
/// A host-network connection to the ClusterIP 10.20.0.1:443 picks 10.20.0.1 itself as source (it is bound on kube-ipvs0), nothing
/// masquerades it, the API server 10.19.9.120 answers 10.20.0.1 through its default gateway and the connection times out.
/// Binding the node's own address as source works (the seed's `telnet -b`).
/// EMULATED: this kernel has no IPVS; see <see cref="IpvsProxier"/> (kube-ipvs0 as an ifb device, the IPVS DNAT as an nftables nat chain
/// right after iptables' nat OUTPUT, ipvsadm.txt written from the scenario).</summary>
public sealed class Incident004KubeProxyNoClusterCidr : IpvsKubeProxyCluster
{
    private const string KubeProxyFlags = "/usr/local/bin/kube-proxy --bind-address=10.19.136.10 --hostname-override=node01 --kubeconfig=/etc/kubernetes/kube-proxy.kubeconfig --proxy-mode=ipvs --ipvs-scheduler=rr --logtostderr=true --v=2";

    public override string Name => "incident-004-kube-proxy-no-cluster-cidr";
    public override string Summary => "kube-proxy (IPVS mode) runs without --cluster-cidr: node01's connections to ClusterIPs leave with the ClusterIP as source and time out.";
    public override IReadOnlyList<string> ExpectedRuleIds => ["kube-proxy/missing-cluster-cidr"];
    public override IReadOnlyList<string> RelatedRuleIds => ["kube-proxy/missing-cluster-cidr", "kube-proxy/cluster-cidr-is-service-cidr"];
    public override ProbeOutcome FailureOutcome => ProbeOutcome.TimedOut;
    protected override string? ProxyClusterCidr => null;
    protected override string KubeProxyCommandLine => KubeProxyFlags;

    /// <summary>The node's own address as source connects even now — the seed's `telnet -b 10.19.136.10 10.20.0.1 443`.</summary>
    public Task<ProbeResult> ProbeFromNodeAddressAsync() => Node("node01").ConnectAsync("10.20.0.1", 443, sourceAddress: "10.19.136.10");

    /// <summary>The seed's fix: restart kube-proxy with --cluster-cidr set to the pod network (172.16.128.0/17). Lab equivalent of the
    /// restart: kube-proxy's nat chains are rewritten as it writes them with that flag, and its command line changes.</summary>
    public override async Task<string> RemediateAsync(IReadOnlyList<Diagnosis> diagnoses)
    {
        await IpvsProxier.ProgramRulesAsync(Node("node01"), ClusterCidr);
        Cluster.SetProcesses("node01", KubeletCommandLine, KubeProxyFlags + $" --cluster-cidr={ClusterCidr}");
        return $"kube-proxy restarted with --cluster-cidr={ClusterCidr} (KUBE-SERVICES now marks non-pod sources for masquerade)";
    }
}
