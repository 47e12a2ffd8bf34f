using NetDoctor.Lab.Tests.Cli;
using NetDoctor.Lab.Tests.Lab.Calico;
using NetDoctor.Lab.Tests.Lab.Cluster;

namespace NetDoctor.Lab.Tests.Scenarios;

/// <summary>Seed 002: the namespace profile k8s_ns.default was never created (the policy controller's service account could not
/// read the API: JSONDecodeError on every call), so Felix programmed cali-pri-k8s_ns.default / cali-pro-k8s_ns.default with a lone DROP.
/// qinweiwei-1's connection to the pod 192.168.135.3 on qinweiwei-2 is routed (BGP mesh Established) but dropped: timeout.
/// The seed's first cause (OpenStack security group dropping IP protocol 4) is outside a node and not reproduced; routes are plain
/// (ipipMode Never) since this kernel has no ipip module.</summary>
/// <param name="podNamespace">The namespace of the cut-off pod: the seed's "default", or a name longer than 15 characters,
/// whose profile chains Felix names cali-pri-_&lt;hash&gt; (iptables chain names stop at 28 characters).</param>
public sealed class Incident002ProfileDropAll(string podNamespace = "default") : Scenario
{
    private static readonly IpPool Pool = new("default-ipv4-ippool", "192.168.0.0/16");
    private readonly string _profile = $"k8s_ns.{podNamespace}";
    private const string PolicyController = "calico-policy-controller-2713347391-k9bfz";
    private Workload _nginx = null!;

    public override string Name => podNamespace == "default" ? "incident-002-profile-drop-all" : $"incident-002-profile-drop-all-{podNamespace}";
    public override string Summary => $"Profile {_profile} missing: chain {Felix.ChainName("cali-pri-", _profile)} only DROPs, traffic to the pod 192.168.135.3 is dropped; the policy controller cannot decode API responses.";
    public override IReadOnlyList<string> BundleNodes => ["qinweiwei-2", "qinweiwei-1"];
    public override IReadOnlyList<string> ExpectedRuleIds => ["calico/profile-drop-all"];
    public override IReadOnlyList<string> RelatedRuleIds => ["calico/profile-drop-all", "calico/controller-unauthorized"];
    public override ProbeOutcome FailureOutcome => ProbeOutcome.TimedOut;

    public override async Task BuildAsync()
    {
        var lan = await Lab.AddBridgeAsync();
        await AddGatewayAsync(lan, "172.168.0.1/24");
        await AddNodeAsync(lan, "qinweiwei-1", "172.168.0.25/24", "eth0", "172.168.0.1");
        await AddNodeAsync(lan, "qinweiwei-2", "172.168.0.27/24", "eth0", "172.168.0.1");
        await StartFelixAsync("qinweiwei-1", [Pool]);
        var felix2 = await StartFelixAsync("qinweiwei-2", [Pool]);
        var mesh = Mesh([("qinweiwei-1", "172.168.0.25", ["192.168.252.128/26"]), ("qinweiwei-2", "172.168.0.27", ["192.168.135.0/26"])], [Pool]);
        foreach (var (node, config) in mesh) await StartBirdAsync(node, config);
        _nginx = await felix2.AddWorkloadAsync(podNamespace, "nginx-7cdbd8cdc9-2xkqz", "192.168.135.3", _profile, "cali12d4a061371");
        await felix2.SetProfileAsync(_profile, ProfileState.Missing);
        _nginx.Sandbox.Listen("0.0.0.0", 80);
        await WaitForMeshAsync("qinweiwei-1", "qinweiwei-2");

        Cluster.IpPools.Add(Pool);
        Cluster.Nodes.Add(new ClusterNode("qinweiwei-1", "172.168.0.25", "10.244.0.0/24", "172.168.0.25/24", ControlPlane: true));
        Cluster.Nodes.Add(new ClusterNode("qinweiwei-2", "172.168.0.27", "10.244.1.0/24", "172.168.0.27/24"));
        Cluster.Services.Add(new("default", "kubernetes", "https", "10.254.0.1", 443, [("172.168.0.25", 6443)]));
        Cluster.Pods.Add(new ClusterPod(podNamespace, "nginx-7cdbd8cdc9-2xkqz", "qinweiwei-2", "192.168.135.3", Image: "nginx:1.13"));
        Cluster.Pods.Add(new ClusterPod("kube-system", PolicyController, "qinweiwei-1", "172.168.0.25", HostNetwork: true,
            Image: "quay.io/calico/kube-policy-controller:v0.7.0", ServiceAccount: "default", Ready: true));
        Cluster.ServiceAccounts.AddRange([("kube-system", "default"), ("kube-system", "calico-policy-controller")]);
        Cluster.ClusterRoleBindings.Add(new ClusterRoleBinding("calico-policy-controller", "calico-policy-controller", [("kube-system", "calico-policy-controller")]));
        foreach (var (node, address) in new[] { ("qinweiwei-1", "172.168.0.25"), ("qinweiwei-2", "172.168.0.27") })
        {
            Cluster.SetProcesses(node,
                $"/usr/local/bin/kubelet --address={address} --hostname-override={node} --network-plugin=cni",
                $"/usr/local/bin/kube-proxy --bind-address={address} --hostname-override={node} --cluster-cidr=192.168.0.0/16 --kubeconfig=/etc/kubernetes/kube-proxy.kubeconfig",
                "calico-node -felix",
                "bird -R -s /var/run/calico/bird.ctl -d -c /etc/calico/confd/config/bird.cfg");
        }

        Cluster.SetPodLog("qinweiwei-1", "kube-system", PolicyController, BrokenControllerLog);
    }

    public override Task<ProbeResult> ProbeAsync() => Node("qinweiwei-1").ConnectAsync(_nginx.Address, 80);

    /// <summary>The seed's workaround plus its real fix: the namespace profile is created (Felix reprograms the chain to MARK + RETURN)
    /// and the policy controller runs with its own service account (its log no longer shows decode errors).</summary>
    public override async Task<string> RemediateAsync(IReadOnlyList<Diagnosis> diagnoses)
    {
        await Felixes["qinweiwei-2"].SetProfileAsync(_profile, ProfileState.AllowAll);
        Cluster.Profiles.Add(_profile);
        var controller = Cluster.Pods.Single(p => p.Name == PolicyController);
        Cluster.Pods[Cluster.Pods.IndexOf(controller)] = controller with { ServiceAccount = "calico-policy-controller" };
        Cluster.SetPodLog("qinweiwei-1", "kube-system", PolicyController, HealthyControllerLog);
        return $"profile {_profile} created ({Felix.ChainName("cali-pri-", _profile)} now MARK+RETURN); policy controller uses service account calico-policy-controller";
    }

    private const string BrokenControllerLog = """
        2017-07-05 09:05:32,405 5 INFO Restarting watch on resource: Pod
        2017-07-05 09:05:32,408 5 ERROR Unhandled exception killed NetworkPolicy manager
        Traceback (most recent call last):
          File "<string>", line 324, in _manage_resource
          File "<string>", line 441, in _sync_resources
          File "site-packages/requests/models.py", line 866, in json
          File "site-packages/simplejson/__init__.py", line 516, in loads
          File "site-packages/simplejson/decoder.py", line 374, in decode
          File "site-packages/simplejson/decoder.py", line 404, in raw_decode
        JSONDecodeError: Expecting value: line 1 column 1 (char 0)
        2017-07-05 09:05:32,408 5 INFO Restarting watch on resource: NetworkPolicy
        2017-07-05 09:05:33,303 5 INFO Syncing 'Namespace' objects

        """;

    private const string HealthyControllerLog = """
        2017-07-05 10:12:01,113 5 INFO Syncing 'Namespace' objects
        2017-07-05 10:12:01,187 5 INFO Done syncing 4 'Namespace' objects
        2017-07-05 10:12:01,190 5 INFO Syncing 'Pod' objects
        2017-07-05 10:12:01,241 5 INFO Done syncing 12 'Pod' objects

        """;
}
