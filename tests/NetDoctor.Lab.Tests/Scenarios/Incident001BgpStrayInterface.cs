using NetDoctor.Lab.Tests.Cli;
using NetDoctor.Lab.Tests.Lab.Calico;
using NetDoctor.Lab.Tests.Lab.Cluster;

namespace NetDoctor.Lab.Tests.Scenarios;

/// <summary>Seed 001: calico-node on k8s02 autodetected the address of a stray interface (192.188.1.1) as its BGP address.
/// k8s01 and k8s03 peer with 192.188.1.1 (unreachable: their default gateway drops it), k8s02 peers from 192.188.1.1
/// (the replies go to the gateway too), so every session of k8s02 stays in Connect/Active while k8s01 &lt;-&gt; k8s03 is Established.
/// k8s02 has no routes to the other nodes' pod blocks: its pod's connection to CoreDNS on k8s01 times out.
/// Difference from the seed: routes are plain (ipipMode Never, next hop on eth0) since this kernel has no ipip module.</summary>
public sealed class Incident001BgpStrayInterface : Scenario
{
    private static readonly IpPool Pool = new("default-ipv4-ippool", "10.253.0.0/16");
    private static readonly (string Node, string Address, string Block)[] Members =
    [
        ("k8s01", "10.2.7.200", "10.253.181.0/26"),
        ("k8s02", "10.2.7.201", "10.253.65.64/26"),
        ("k8s03", "10.2.7.202", "10.253.140.128/26"),
    ];
    private const string Stray = "192.188.1.1";
    private Workload _centos = null!;
    private Workload _coredns = null!;

    public override string Name => "incident-001-bgp-stray-interface";
    public override string Summary => "k8s02's Calico BGP address is a stray interface's (192.188.1.1): mesh sessions to/from k8s02 never establish and k8s02 has no routes to other nodes' pod blocks.";
    public override IReadOnlyList<string> BundleNodes => ["k8s01", "k8s02"];
    public override IReadOnlyList<string> ExpectedRuleIds => ["calico/bgp-peer-address-mismatch", "calico/bgp-session-down"];
    public override ProbeOutcome FailureOutcome => ProbeOutcome.TimedOut;

    public override async Task BuildAsync()
    {
        var lan = await Lab.AddBridgeAsync();
        await AddGatewayAsync(lan, "10.2.7.254/24");
        foreach (var (node, address, _) in Members) await AddNodeAsync(lan, node, $"{address}/24", "eth0", "10.2.7.254");
        // The stray interface: nobody knew when it was added; its address sorts before eth0's for first-found autodetection.
        await Node("k8s02").IpAsync("link add ens256 type bridge");
        await Node("k8s02").IpAsync("link set ens256 up");
        await Node("k8s02").IpAsync($"addr add {Stray}/24 dev ens256");

        foreach (var (node, _, _) in Members) await StartFelixAsync(node, [Pool]);
        foreach (var (node, config) in MeshConfigs(strayOnK8s02: true)) await StartBirdAsync(node, config);
        _coredns = await Felixes["k8s01"].AddWorkloadAsync("kube-system", "coredns-7f89b7bc75-4jz9n", "10.253.181.2", "kns.kube-system");
        _centos = await Felixes["k8s02"].AddWorkloadAsync("default", "centos", "10.253.65.67", "kns.default", "calic6105d1b464");
        _coredns.Sandbox.Listen("0.0.0.0", 53);
        // k8s01 <-> k8s03 must be up before the capture, k8s02's sessions must have had time to try (and fail).
        await Birds["k8s01"].WaitForSessionsAsync(s => s.Name != BirdConfig.ProtocolName(Stray) ? s.IsEstablished : !s.IsEstablished, TimeSpan.FromSeconds(20));
        await Birds["k8s03"].WaitForSessionsAsync(s => s.Name != BirdConfig.ProtocolName(Stray) ? s.IsEstablished : !s.IsEstablished, TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(1));

        Cluster.IpPools.Add(Pool);
        foreach (var (node, address, block) in Members)
        {
            Cluster.Nodes.Add(new ClusterNode(node, address, $"10.244.{Array.FindIndex(Members, m => m.Node == node)}.0/24",
                node == "k8s02" ? $"{Stray}/24" : $"{address}/24", ControlPlane: node != "k8s03"));
        }

        AddCommonObjects();
        Cluster.Pods.Add(new ClusterPod("default", "centos", "k8s02", "10.253.65.67", Image: "centos:7"));
        Cluster.Pods.Add(new ClusterPod("kube-system", "coredns-7f89b7bc75-4jz9n", "k8s01", "10.253.181.2", Image: "registry.k8s.io/coredns:1.7.0"));
    }

    private void AddCommonObjects()
    {
        Cluster.Services.Add(new("default", "kubernetes", "https", "10.96.0.1", 443, [("10.2.7.200", 6443), ("10.2.7.201", 6443)]));
        Cluster.Profiles.AddRange(["kns.default", "kns.kube-system"]);
        foreach (var (node, address, _) in Members)
        {
            Cluster.Pods.Add(new ClusterPod("kube-system", $"calico-node-{node}x", node, address, HostNetwork: true, Image: "calico/node:v3.13.2"));
            Cluster.SetProcesses(node,
                $"/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml --node-ip={address}",
                $"/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override={node}",
                "calico-node -felix",
                "bird -R -s /var/run/calico/bird.ctl -d -c /etc/calico/confd/config/bird.cfg");
            Cluster.NodeFiles[$"{node}/kube-proxy-config.yaml"] = KubeProxyConfigs.Render("iptables", "10.253.0.0/16");
        }
        Cluster.Pods.Add(new ClusterPod("kube-system", "kube-apiserver-k8s01", "k8s01", "10.2.7.200", HostNetwork: true, Image: "k8s.gcr.io/kube-apiserver:v1.17.4",
            Command: ["kube-apiserver", "--advertise-address=10.2.7.200", "--secure-port=6443", "--service-cluster-ip-range=10.96.0.0/12"]));
    }

    private Dictionary<string, BirdConfig> MeshConfigs(bool strayOnK8s02) =>
        Mesh(Members.Select(m => (m.Node, strayOnK8s02 && m.Node == "k8s02" ? Stray : m.Address, new[] { m.Block })), [Pool]);

    public override Task<ProbeResult> ProbeAsync() => _centos.Sandbox.ConnectAsync(_coredns.Address, 53);

    /// <summary>The seed's fix: `ip link delete` the stray interface on k8s02 and restart the calico pods, after which calico-node
    /// autodetects 10.2.7.201. Lab equivalent of the restart: the Calico Node's BGP address becomes 10.2.7.201 and every node's BIRD restarts
    /// with the regenerated mesh config. The diagnosis' own `ip link delete …` is run when it names an interface of k8s02.</summary>
    public override async Task<string> RemediateAsync(IReadOnlyList<Diagnosis> diagnoses)
    {
        var fromDiagnosis = ExecutableCommand(diagnoses, "calico/bgp-peer-address-mismatch", "ip link delete ");
        var command = fromDiagnosis is not null && fromDiagnosis.EndsWith(" ens256", StringComparison.Ordinal) ? fromDiagnosis : "ip link delete ens256";
        await Node("k8s02").ExecAsync(command);
        foreach (var (node, config) in MeshConfigs(strayOnK8s02: false)) await Birds[node].RestartAsync(config.Render());
        await WaitForMeshAsync("k8s01", "k8s02", "k8s03");
        var k8s02 = Cluster.Nodes.Single(n => n.Name == "k8s02");
        Cluster.Nodes[Cluster.Nodes.IndexOf(k8s02)] = k8s02 with { CalicoBgpAddress = "10.2.7.201/24" };
        return $"{(fromDiagnosis == command ? "diagnosis command" : "scenario fix")}: {command} on k8s02; calico-node restarted everywhere (BGP address 10.2.7.201, mesh re-established)";
    }
}
