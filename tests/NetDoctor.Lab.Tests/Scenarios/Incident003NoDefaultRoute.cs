using NetDoctor.Lab.Tests.Cli;
using NetDoctor.Lab.Tests.Lab.Cluster;
using NetDoctor.Lab.Tests.Lab.KubeProxy;

namespace NetDoctor.Lab.Tests.Scenarios;

/// <summary>Seed 003: after a reboot the node "admin" (192.168.56.3, also the API server) came up without a default route — its DHCP NIC
/// enp0s3 got no lease. A ClusterIP needs some route before the DNAT in nat OUTPUT can happen, so connecting to 10.96.0.1:443 fails at once
/// with "Network is unreachable" (calico-node's datastore connection, in its log), although the DNAT to 192.168.56.3:6443 is in place.
/// Difference from the seed: Calico routes are plain (ipipMode Never) since this kernel has no ipip module.</summary>
public sealed class Incident003NoDefaultRoute : Scenario
{
    private static readonly IpPool Pool = new("default-ipv4-ippool", "10.10.0.0/16", BlockSize: 26);
    private static readonly ServicePort Kubernetes = new("default", "kubernetes", "https", "10.96.0.1", 443, [("192.168.56.3", 6443)]);
    private const string ApiServerCommand = "kube-apiserver --advertise-address=192.168.56.3 --allow-privileged=true --authorization-mode=Node,RBAC --client-ca-file=/etc/kubernetes/pki/ca.crt --enable-admission-plugins=NodeRestriction --enable-bootstrap-token-auth=true --etcd-servers=https://127.0.0.1:2379 --insecure-port=0 --kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname --secure-port=6443 --service-account-key-file=/etc/kubernetes/pki/sa.pub --service-cluster-ip-range=10.96.0.0/12 --tls-cert-file=/etc/kubernetes/pki/apiserver.crt --tls-private-key-file=/etc/kubernetes/pki/apiserver.key";
    private const string FallbackFix = "ip route add default via 192.168.56.1 dev enp0s8";

    public override string Name => "incident-003-no-default-route";
    public override string Summary => "Node admin has no default route (DHCP NIC without lease): connecting to the ClusterIP 10.96.0.1:443 fails with \"Network is unreachable\".";
    public override IReadOnlyList<string> BundleNodes => ["admin"];
    public override IReadOnlyList<string> ExpectedRuleIds => ["node/no-route-to-service-cidr"];
    public override ProbeOutcome FailureOutcome => ProbeOutcome.NetworkUnreachable;

    public override async Task BuildAsync()
    {
        var lan = await Lab.AddBridgeAsync();
        await AddGatewayAsync(lan, "192.168.56.1/24");
        var admin = await AddNodeAsync(lan, "admin", "192.168.56.3/24", "enp0s8");
        await AddNodeAsync(lan, "node1", "192.168.56.4/24", "enp0s8", "192.168.56.1");
        // enp0s3: the bridged NIC whose DHCP lease never came; link up, no address, hence no default route.
        var wan = await Lab.AddBridgeAsync("wan");
        await Lab.LinkAsync(admin, "enp0s3", wan.Host, "p1");
        await wan.Host.IpAsync("link set p1 master br0");
        admin.Listen("0.0.0.0", 6443);

        foreach (var node in new[] { "admin", "node1" })
        {
            await StartFelixAsync(node, [Pool]);
            await IptablesProxier.ProgramAsync(Node(node), "10.10.0.0/16", [Kubernetes]);
        }
        var mesh = Mesh([("admin", "192.168.56.3", ["10.10.0.128/26"]), ("node1", "192.168.56.4", ["10.10.0.192/26"])], [Pool]);
        foreach (var (node, config) in mesh) await StartBirdAsync(node, config);
        await Felixes["admin"].AddWorkloadAsync("kube-system", "coredns-9d85f5447-sjs2j", "10.10.0.129", "kns.kube-system", "calib35f38918a6");
        await Felixes["node1"].AddWorkloadAsync("kube-system", "coredns-9d85f5447-p7wqm", "10.10.0.196", "kns.kube-system", "cali2473e8d3fe5");
        await WaitForMeshAsync("admin", "node1");

        Cluster.IpPools.Add(Pool);
        Cluster.Nodes.Add(new ClusterNode("admin", "192.168.56.3", "10.244.0.0/24", "192.168.56.3/24", ControlPlane: true));
        Cluster.Nodes.Add(new ClusterNode("node1", "192.168.56.4", "10.244.1.0/24", "192.168.56.4/24"));
        Cluster.Services.Add(Kubernetes);
        Cluster.Profiles.AddRange(["kns.default", "kns.kube-system"]);
        Cluster.Pods.Add(new ClusterPod("kube-system", "kube-apiserver-admin", "admin", "192.168.56.3", HostNetwork: true, Image: "k8s.gcr.io/kube-apiserver:v1.17.0",
            Command: ApiServerCommand.Split(' ')));
        Cluster.Pods.Add(new ClusterPod("kube-system", "calico-node-7kvkf", "admin", "192.168.56.3", HostNetwork: true, Ready: false, Restarts: 36, Image: "calico/node:v3.11.1"));
        Cluster.Pods.Add(new ClusterPod("kube-system", "coredns-9d85f5447-sjs2j", "admin", "10.10.0.129", Ready: false, Restarts: 36, Image: "k8s.gcr.io/coredns:1.6.5"));
        Cluster.Pods.Add(new ClusterPod("kube-system", "coredns-9d85f5447-p7wqm", "node1", "10.10.0.196", Image: "k8s.gcr.io/coredns:1.6.5"));
        Cluster.SetProcesses("admin",
            ApiServerCommand,
            "/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --network-plugin=cni",
            "/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override=admin",
            "calico-node -felix");
        Cluster.NodeFiles["admin/kube-proxy-config.yaml"] = KubeProxyConfigs.Render("", "10.10.0.0/16");
        Cluster.SetPodLog("admin", "kube-system", "calico-node-7kvkf", CalicoNodeLog);
    }

    public override Task<ProbeResult> ProbeAsync() => Node("admin").ConnectAsync("10.96.0.1", 443);

    /// <summary>Runs the diagnosis' `ip route add …` command when it is executable as printed; otherwise the seed's fix, a default route
    /// via any reachable address (here the LAN gateway 192.168.56.1).</summary>
    public override async Task<string> RemediateAsync(IReadOnlyList<Diagnosis> diagnoses)
    {
        var command = ExecutableCommand(diagnoses, "node/no-route-to-service-cidr", "ip route add ") ?? FallbackFix;
        await Node("admin").ExecAsync(command);
        Cluster.SetPodLog("admin", "kube-system", "calico-node-7kvkf", "2024-02-16 05:31:02.114 [INFO][8] startup.go 319: Checking datastore connection\n2024-02-16 05:31:02.131 [INFO][8] startup.go 343: Datastore connection verified\n");
        return command == FallbackFix ? $"scenario fix (no executable command in the diagnosis): {command}" : $"diagnosis command: {command}";
    }

    private static readonly string CalicoNodeLog = string.Join('\n',
        new[]
        {
            "2024-02-16 04:58:08.483 [INFO][8] startup.go 259: Early log level set to info",
            "2024-02-16 04:58:08.483 [INFO][8] startup.go 287: Determined node name: admin",
            "2024-02-16 04:58:08.484 [INFO][8] k8s.go 228: Using Calico IPAM",
            "2024-02-16 04:58:08.484 [INFO][8] startup.go 319: Checking datastore connection",
        }.Concat(Enumerable.Range(0, 6).Select(i =>
            $"2024-02-16 04:58:{8 + i:00}.{485 + i:000} [INFO][8] startup.go 334: Hit error connecting to datastore - retry error=Get https://10.96.0.1:443/api/v1/nodes/foo: dial tcp 10.96.0.1:443: connect: network is unreachable"))) + "\n";
}
