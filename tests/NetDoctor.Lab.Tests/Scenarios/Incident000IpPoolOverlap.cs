using NetDoctor.Lab.Tests.Cli;
using NetDoctor.Lab.Tests.Lab.Calico;
using NetDoctor.Lab.Tests.Lab.Cluster;
using NetDoctor.Lab.Tests.Lab.KubeProxy;

namespace NetDoctor.Lab.Tests.Scenarios;

/// <summary>Seed 000: the default IPPool 192.168.0.0/16 (natOutgoing) contains the node network 192.168.21.0/24.
/// cali-nat-outgoing masquerades only pool sources going to destinations NOT in cali40all-ipam-pools, so the
/// calico-kube-controllers pod's connection to the API server (10.96.0.1:443 DNAT to 192.168.21.11:6443) leaves with the pod IP;
/// the master has no route to the pod block, answers via its default gateway, and the pod's connection times out.
/// Differences from the seed: the pool uses ipipMode Never (this kernel has no ipip module), and the master runs no calico-node,
/// which is what leaves it without a route back to the pod block.</summary>
public sealed class Incident000IpPoolOverlap : Scenario
{
    private static readonly IpPool OverlappingPool = new("default-ipv4-ippool", "192.168.0.0/16");
    private static readonly IpPool FixedPool = new("default-ipv4-ippool", "10.244.0.0/16");
    private static readonly ServicePort Kubernetes = new("default", "kubernetes", "https", "10.96.0.1", 443, [("192.168.21.11", 6443)]);
    private const string Master = "k8s-master01", Worker = "k8s-node01";
    private const string Controller = "calico-kube-controllers-596576f79-j2pkg";
    private Workload _pod = null!;

    public override string Name => "incident-000-ippool-overlap";
    public override string Summary => "IPPool 192.168.0.0/16 (natOutgoing) overlaps the node network 192.168.21.0/24: pod -> API server via 10.96.0.1 is not masqueraded and times out.";
    public override IReadOnlyList<string> BundleNodes => [Worker];
    public override IReadOnlyList<string> ExpectedRuleIds => ["calico/ippool-overlaps-node-network"];
    public override ProbeOutcome FailureOutcome => ProbeOutcome.TimedOut;

    public override async Task BuildAsync()
    {
        var lan = await Lab.AddBridgeAsync();
        await AddGatewayAsync(lan, "192.168.21.1/24");
        var master = await AddNodeAsync(lan, Master, "192.168.21.11/24", "ens192", "192.168.21.1");
        master.Listen("0.0.0.0", 6443);
        await AddNodeAsync(lan, Worker, "192.168.21.12/24", "ens192", "192.168.21.1");

        var felix = await StartFelixAsync(Worker, [OverlappingPool]);
        await IptablesProxier.ProgramAsync(Node(Worker), "192.168.0.0/16", [Kubernetes]);
        await StartBirdAsync(Worker, new BirdConfig("192.168.21.12", [], ["192.168.236.0/26"], [OverlappingPool.Cidr]));
        _pod = await felix.AddWorkloadAsync("calico-system", Controller, "192.168.236.10", "kns.calico-system", "calia9589d79281");

        Cluster.IpPools.Add(OverlappingPool);
        Cluster.Nodes.Add(new ClusterNode(Master, "192.168.21.11", "192.168.0.0/24", null, ControlPlane: true));
        Cluster.Nodes.Add(new ClusterNode(Worker, "192.168.21.12", "192.168.1.0/24", "192.168.21.12/24"));
        Cluster.Services.Add(Kubernetes);
        Cluster.Profiles.AddRange(["kns.calico-system", "kns.default", "kns.kube-system"]);
        Cluster.Pods.Add(new ClusterPod("calico-system", Controller, Worker, "192.168.236.10", ServiceAccount: "calico-kube-controllers", Ready: false, Restarts: 3,
            Image: "docker.io/calico/kube-controllers:v3.28.0"));
        Cluster.Pods.Add(new ClusterPod("kube-system", $"kube-apiserver-{Master}", Master, "192.168.21.11", HostNetwork: true, Image: "registry.k8s.io/kube-apiserver:v1.30.1",
            Command: ["kube-apiserver", "--advertise-address=192.168.21.11", "--secure-port=6443", "--service-cluster-ip-range=10.96.0.0/12", "--authorization-mode=Node,RBAC"]));
        Cluster.Pods.Add(new ClusterPod("calico-system", "calico-node-gqz7n", Worker, "192.168.21.12", HostNetwork: true, Image: "docker.io/calico/node:v3.28.0"));
        Cluster.Pods.Add(new ClusterPod("kube-system", "kube-proxy-8xw2c", Worker, "192.168.21.12", HostNetwork: true, Image: "registry.k8s.io/kube-proxy:v1.30.1",
            Command: ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", $"--hostname-override={Worker}"]));
        Cluster.ServiceAccounts.AddRange([("calico-system", "calico-kube-controllers"), ("calico-system", "calico-node")]);
        Cluster.ClusterRoleBindings.Add(new ClusterRoleBinding("calico-kube-controllers", "calico-kube-controllers", [("calico-system", "calico-kube-controllers")]));
        Cluster.SetProcesses(Worker,
            "/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml --kubeconfig=/etc/kubernetes/kubelet.conf --node-ip=192.168.21.12",
            $"/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override={Worker}",
            "calico-node -felix",
            "bird -R -s /var/run/calico/bird.ctl -d -c /etc/calico/confd/config/bird.cfg");
        Cluster.NodeFiles[$"{Worker}/kube-proxy-config.yaml"] = KubeProxyConfigs.Render("iptables", "192.168.0.0/16");
        Cluster.SetPodLog(Worker, "calico-system", Controller, ControllerLog);
    }

    public override Task<ProbeResult> ProbeAsync() => _pod.Sandbox.ConnectAsync("10.96.0.1", 443);

    /// <summary>The seed's fix: `kubectl edit ippool default-ipv4-ippool` to a CIDR that does not overlap the hosts, then delete the pods.
    /// Lab equivalent: Felix rewrites the pool ipsets, calico-node's BIRD gets the new block, the pod is recreated with an address of the new pool.
    /// kube-proxy's clusterCIDR follows the pod network (kubeadm: the kube-proxy ConfigMap), else netdoctor rightly reports
    /// kube-proxy/cluster-cidr-is-service-cidr after the change.</summary>
    public override async Task<string> RemediateAsync(IReadOnlyList<Diagnosis> diagnoses)
    {
        var felix = Felixes[Worker];
        await felix.SetPoolsAsync([FixedPool]);
        await Birds[Worker].ReconfigureAsync(new BirdConfig("192.168.21.12", [], ["10.244.73.0/26"], [FixedPool.Cidr]).Render());
        await IptablesProxier.ProgramAsync(Node(Worker), FixedPool.Cidr, [Kubernetes], hooks: false);
        Cluster.NodeFiles[$"{Worker}/kube-proxy-config.yaml"] = KubeProxyConfigs.Render("iptables", FixedPool.Cidr);
        await felix.RemoveWorkloadAsync(_pod);
        const string newPod = "calico-kube-controllers-596576f79-xq5rw";
        _pod = await felix.AddWorkloadAsync("calico-system", newPod, "10.244.73.10", "kns.calico-system");

        Cluster.IpPools.Clear();
        Cluster.IpPools.Add(FixedPool);
        Cluster.Pods.RemoveAll(p => p.Name == Controller);
        Cluster.Pods.Add(new ClusterPod("calico-system", newPod, Worker, "10.244.73.10", ServiceAccount: "calico-kube-controllers", Image: "docker.io/calico/kube-controllers:v3.28.0"));
        Cluster.NodeFiles.Remove($"{Worker}/calico-system/{Controller}.log");
        Cluster.SetPodLog(Worker, "calico-system", newPod, "2024-06-12 06:10:02.114 [INFO][1] main.go 107: Loaded configuration from environment\n2024-06-12 06:10:02.301 [INFO][1] main.go 183: Starting status report routine\n");
        return "IPPool default-ipv4-ippool changed to 10.244.0.0/16 (ipsets cali40masq-ipam-pools / cali40all-ipam-pools rewritten, BIRD block 10.244.73.0/26), controller pod recreated as 10.244.73.10, kube-proxy clusterCIDR 10.244.0.0/16";
    }

    private const string ControllerLog = """
        2024-06-12 05:53:08.531 [INFO][1] main.go 107: Loaded configuration from environment config=&config.Config{LogLevel:"info", WorkloadEndpointWorkers:1, ProfileWorkers:1, PolicyWorkers:1, NodeWorkers:1, Kubeconfig:"", DatastoreType:"kubernetes"}
        2024-06-12 05:53:38.561 [ERROR][1] client.go 295: Error getting cluster information config ClusterInformation="default" error=Get "https://10.96.0.1:443/apis/crd.projectcalico.org/v1/clusterinformations/default": dial tcp 10.96.0.1:443: i/o timeout
        2024-06-12 05:53:38.561 [INFO][1] main.go 138: Failed to initialize datastore error=Get "https://10.96.0.1:443/apis/crd.projectcalico.org/v1/clusterinformations/default": dial tcp 10.96.0.1:443: i/o timeout

        """;
}
