using NetDoctor.Lab.Tests.Cli;
using NetDoctor.Lab.Tests.Lab.Calico;
using NetDoctor.Lab.Tests.Lab.Cluster;
using NetDoctor.Lab.Tests.Lab.KubeProxy;

namespace NetDoctor.Lab.Tests.Scenarios;

/// <summary>A healthy three-node Calico cluster: pool 10.244.0.0/16 with natOutgoing that overlaps no node, node-to-node mesh Established,
/// profiles present, kube-proxy (iptables mode, --cluster-cidr = the pool) DNATs 10.96.0.1:443 to the API server on cp01.
/// A pod on w02 reaches a pod on w01 and the API server through the ClusterIP.
/// Named "ipip" after the cluster type it stands for, but routed WITHOUT the IPIP tunnel: this kernel has no ipip module, so the pool
/// says ipipMode Never and BGP routes point at the peers over eth0 (Calico's plain routed mode on one L2 segment).</summary>
public sealed class HealthyCalico : Scenario
{
    private static readonly IpPool Pool = new("default-ipv4-ippool", "10.244.0.0/16");
    private static readonly ServicePort Kubernetes = new("default", "kubernetes", "https", "10.96.0.1", 443, [("172.18.0.10", 6443)]);
    private static readonly (string Node, string Address, string Block)[] Members =
    [
        ("cp01", "172.18.0.10", "10.244.10.0/26"),
        ("w01", "172.18.0.11", "10.244.20.0/26"),
        ("w02", "172.18.0.12", "10.244.30.0/26"),
    ];
    private Workload _web = null!;
    private Workload _client = null!;

    public override string Name => "healthy-calico-ipip";
    public override string Summary => "Healthy 3-node Calico cluster (BGP mesh Established, natOutgoing pool clear of the node network, profiles present): pod-to-pod and pod-to-API-server work.";
    public override IReadOnlyList<string> BundleNodes => ["cp01", "w01", "w02"];
    public override IReadOnlyList<string> ExpectedRuleIds => [];
    public override ProbeOutcome FailureOutcome => ProbeOutcome.Connected;

    public override async Task BuildAsync()
    {
        var lan = await Lab.AddBridgeAsync();
        await AddGatewayAsync(lan, "172.18.0.1/24");
        foreach (var (node, address, _) in Members)
        {
            await AddNodeAsync(lan, node, $"{address}/24", "eth0", "172.18.0.1");
            await StartFelixAsync(node, [Pool]);
            await IptablesProxier.ProgramAsync(Node(node), Pool.Cidr, [Kubernetes]);
        }
        Node("cp01").Listen("0.0.0.0", 6443);
        foreach (var (node, config) in Mesh(Members.Select(m => (m.Node, m.Address, new[] { m.Block })), [Pool])) await StartBirdAsync(node, config);
        _web = await Felixes["w01"].AddWorkloadAsync("default", "web-6d4cf56db6-8xk2p", "10.244.20.5", "kns.default");
        _client = await Felixes["w02"].AddWorkloadAsync("default", "client-5c7b9d8f4-qv9zt", "10.244.30.7", "kns.default");
        await Felixes["cp01"].AddWorkloadAsync("kube-system", "coredns-5dd5756b68-7hn4x", "10.244.10.3", "kns.kube-system");
        _web.Sandbox.Listen("0.0.0.0", 80);
        await WaitForMeshAsync("cp01", "w01", "w02");

        Cluster.IpPools.Add(Pool);
        foreach (var (node, address, _) in Members)
        {
            var index = Array.FindIndex(Members, m => m.Node == node);
            Cluster.Nodes.Add(new ClusterNode(node, address, $"10.244.{index}.0/24", $"{address}/24", ControlPlane: node == "cp01"));
            Cluster.Pods.Add(new ClusterPod("calico-system", $"calico-node-{node}q", node, address, HostNetwork: true, Image: "docker.io/calico/node:v3.28.0"));
            Cluster.Pods.Add(new ClusterPod("kube-system", $"kube-proxy-{node}z", node, address, HostNetwork: true, Image: "registry.k8s.io/kube-proxy:v1.30.1",
                Command: ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", $"--hostname-override={node}"]));
            Cluster.SetProcesses(node,
                $"/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml --kubeconfig=/etc/kubernetes/kubelet.conf --node-ip={address}",
                $"/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override={node}",
                "calico-node -felix",
                "bird -R -s /var/run/calico/bird.ctl -d -c /etc/calico/confd/config/bird.cfg");
            Cluster.NodeFiles[$"{node}/kube-proxy-config.yaml"] = KubeProxyConfigs.Render("iptables", Pool.Cidr);
        }
        Cluster.Services.Add(Kubernetes);
        Cluster.Profiles.AddRange(["kns.default", "kns.kube-system", "kns.calico-system"]);
        Cluster.Pods.Add(new ClusterPod("kube-system", "kube-apiserver-cp01", "cp01", "172.18.0.10", HostNetwork: true, Image: "registry.k8s.io/kube-apiserver:v1.30.1",
            Command: ["kube-apiserver", "--advertise-address=172.18.0.10", "--secure-port=6443", "--service-cluster-ip-range=10.96.0.0/12", "--authorization-mode=Node,RBAC"]));
        Cluster.Pods.Add(new ClusterPod("default", "web-6d4cf56db6-8xk2p", "w01", "10.244.20.5", Image: "nginx:1.27"));
        Cluster.Pods.Add(new ClusterPod("default", "client-5c7b9d8f4-qv9zt", "w02", "10.244.30.7", Image: "busybox:1.36"));
        Cluster.Pods.Add(new ClusterPod("kube-system", "coredns-5dd5756b68-7hn4x", "cp01", "10.244.10.3", Image: "registry.k8s.io/coredns/coredns:v1.11.1"));
        Cluster.ServiceAccounts.AddRange([("calico-system", "calico-kube-controllers"), ("calico-system", "calico-node")]);
        Cluster.ClusterRoleBindings.Add(new ClusterRoleBinding("calico-kube-controllers", "calico-kube-controllers", [("calico-system", "calico-kube-controllers")]));
        Cluster.SetPodLog("w02", "calico-system", "calico-kube-controllers-7d6c5b4f8-m2vkh",
            "2024-06-12 06:10:02.114 [INFO][1] main.go 107: Loaded configuration from environment\n2024-06-12 06:10:02.301 [INFO][1] main.go 183: Starting status report routine\n");
    }

    /// <summary>Both paths must connect: pod to pod across nodes, and pod to API server through the ClusterIP.</summary>
    public override async Task<ProbeResult> ProbeAsync()
    {
        var podToPod = await _client.Sandbox.ConnectAsync(_web.Address, 80);
        return podToPod.Outcome != ProbeOutcome.Connected ? podToPod : await _client.Sandbox.ConnectAsync("10.96.0.1", 443);
    }

    public override Task<string> RemediateAsync(IReadOnlyList<Diagnosis> diagnoses) => Task.FromResult("nothing to fix");
}
