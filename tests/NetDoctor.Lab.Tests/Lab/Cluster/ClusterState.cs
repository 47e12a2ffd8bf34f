using NetDoctor.Lab.Tests.Lab.KubeProxy;
using static NetDoctor.Lab.Tests.Lab.Cluster.Yaml;

namespace NetDoctor.Lab.Tests.Lab.Cluster;

/// <summary>What the cluster's API would return for a scenario (IPPools, Calico Nodes and Profiles, Kubernetes Nodes, Services,
/// Endpoints, Pods, RBAC) plus per-node files a collector picks up (processes.txt, kube-proxy-config.yaml, pod logs).
/// Rendered into the bundle layout of CONTRACTS §3.</summary>
public sealed class ClusterState
{
    public List<IpPool> IpPools { get; } = [];
    public List<ClusterNode> Nodes { get; } = [];
    public List<ServicePort> Services { get; } = [];
    public List<ClusterPod> Pods { get; } = [];
    public List<string> Profiles { get; } = [];
    public List<(string Namespace, string Name)> ServiceAccounts { get; } = [];
    public List<ClusterRoleBinding> ClusterRoleBindings { get; } = [];

    /// <summary>Node-level files keyed by bundle-relative path ("k8s01/processes.txt", "k8s01/kube-system/x.log").</summary>
    public Dictionary<string, string> NodeFiles { get; } = [];

    public void SetProcesses(string node, params string[] commandLines) =>
        NodeFiles[$"{node}/processes.txt"] = Processes.Render(commandLines);

    public void SetPodLog(string node, string @namespace, string pod, string text) =>
        NodeFiles[$"{node}/{@namespace}/{pod}.log"] = text;

    public IReadOnlyDictionary<string, string> RenderCluster() => new Dictionary<string, string>
    {
        ["cluster/crd/ippools.crd.projectcalico.org.yaml"] = KubectlList(IpPools.Select(RenderPool)),
        ["cluster/crd/nodes.crd.projectcalico.org.yaml"] = KubectlList(Nodes.Where(n => n.CalicoBgpAddress is not null).Select(RenderCalicoNode)),
        ["cluster/crd/profiles.crd.projectcalico.org.yaml"] = KubectlList(Profiles.Select(RenderProfile)),
        ["cluster/kubernetes/nodes.yaml"] = KubectlList(Nodes.Select(RenderNode)),
        ["cluster/kubernetes/services.yaml"] = KubectlList(Services.Select(RenderService)),
        ["cluster/kubernetes/endpoints.yaml"] = KubectlList(Services.Select(RenderEndpoints)),
        ["cluster/kubernetes/pods.yaml"] = KubectlList(Pods.Select(RenderPod)),
        ["cluster/kubernetes/serviceaccounts.yaml"] = KubectlList(ServiceAccounts.Select(RenderServiceAccount)),
        ["cluster/kubernetes/clusterrolebindings.yaml"] = KubectlList(ClusterRoleBindings.Select(RenderBinding)),
    };

    /// <summary>Writes the cluster files and the given nodes' files into a bundle directory (overwriting what a collector wrote there).</summary>
    public async Task WriteAsync(string bundleDirectory, IEnumerable<string> nodes, bool includeCluster = true)
    {
        var wanted = nodes.ToHashSet();
        var files = (includeCluster ? RenderCluster() : new Dictionary<string, string>()).Concat(NodeFiles.Where(f => wanted.Contains(f.Key.Split('/')[0])));
        foreach (var (relative, text) in files)
        {
            var path = Path.Combine(bundleDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, text);
        }
    }

    private static Dictionary<string, object?> Meta(string name, string? ns = null, Dictionary<string, object?>? labels = null, Dictionary<string, object?>? annotations = null) =>
        Map(("annotations", annotations), ("labels", labels), ("name", name), ("namespace", ns), ("uid", Uid(ns + "/" + name)));

    private static string Uid(string key)
    {
        var h = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
        return $"{h[..8]}-{h[8..12]}-{h[12..16]}-{h[16..20]}-{h[20..32]}";
    }

    private static object RenderPool(IpPool p) => Map(
        ("apiVersion", "crd.projectcalico.org/v1"), ("kind", "IPPool"), ("metadata", Meta(p.Name)),
        ("spec", Map(("allowedUses", new[] { "Workload", "Tunnel" }), ("blockSize", p.BlockSize), ("cidr", p.Cidr),
            ("disabled", p.Disabled ? true : null), ("ipipMode", p.IpipMode), ("natOutgoing", p.NatOutgoing), ("nodeSelector", "all()"), ("vxlanMode", p.VxlanMode))));

    private static object RenderCalicoNode(ClusterNode n) => Map(
        ("apiVersion", "crd.projectcalico.org/v1"), ("kind", "Node"), ("metadata", Meta(n.Name)),
        ("spec", Map(
            ("bgp", Map(("ipv4Address", n.CalicoBgpAddress), ("ipv4IPIPTunnelAddr", n.IpipTunnelAddress))),
            ("orchRefs", new[] { Map(("nodeName", n.Name), ("orchestrator", "k8s")) }))));

    private static object RenderProfile(string name) => Map(
        ("apiVersion", "crd.projectcalico.org/v1"), ("kind", "Profile"), ("metadata", Meta(name)),
        ("spec", Map(("egress", new[] { Map(("action", "Allow"), ("destination", Map()), ("source", Map())) }),
            ("ingress", new[] { Map(("action", "Allow"), ("destination", Map()), ("source", Map())) }))));

    private static object RenderNode(ClusterNode n)
    {
        var labels = Map(("kubernetes.io/hostname", n.Name), ("kubernetes.io/os", "linux"));
        if (n.ControlPlane) labels["node-role.kubernetes.io/control-plane"] = "";
        var annotations = n.CalicoBgpAddress is null ? null : Map(("projectcalico.org/IPv4Address", n.CalicoBgpAddress));
        return Map(("apiVersion", "v1"), ("kind", "Node"), ("metadata", Meta(n.Name, labels: labels, annotations: annotations)),
            ("spec", Map(("podCIDR", n.PodCidr), ("podCIDRs", new[] { n.PodCidr }))),
            ("status", Map(
                ("addresses", new[] { Map(("address", n.InternalIp), ("type", "InternalIP")), Map(("address", n.Name), ("type", "Hostname")) }),
                ("conditions", new[] { Map(("status", "True"), ("type", "Ready"), ("reason", "KubeletReady")) }))));
    }

    private static object RenderService(ServicePort s) => Map(
        ("apiVersion", "v1"), ("kind", "Service"),
        ("metadata", Meta(s.Name, s.Namespace, labels: s.Name == "kubernetes" ? Map(("component", "apiserver"), ("provider", "kubernetes")) : null)),
        ("spec", Map(("clusterIP", s.ClusterIp), ("clusterIPs", new[] { s.ClusterIp }), ("internalTrafficPolicy", "Cluster"), ("ipFamilies", new[] { "IPv4" }),
            ("ports", new[] { Map(("name", s.PortName), ("port", s.Port), ("protocol", "TCP"), ("targetPort", s.Endpoints[0].Port)) }),
            ("sessionAffinity", "None"), ("type", "ClusterIP"))));

    private static object RenderEndpoints(ServicePort s) => Map(
        ("apiVersion", "v1"), ("kind", "Endpoints"), ("metadata", Meta(s.Name, s.Namespace)),
        ("subsets", new[] { Map(
            ("addresses", s.Endpoints.Select(e => Map(("ip", e.Address))).ToList()),
            ("ports", new[] { Map(("name", s.PortName), ("port", s.Endpoints[0].Port), ("protocol", "TCP")) })) }));

    private static object RenderPod(ClusterPod p)
    {
        var containerName = p.Command is { Count: > 0 } ? Path.GetFileName(p.Command[0]) : p.Name.Split('-')[0];
        var container = Map(("name", containerName), ("image", p.Image), ("command", p.Command?.ToList()));
        return Map(("apiVersion", "v1"), ("kind", "Pod"), ("metadata", Meta(p.Name, p.Namespace)),
            ("spec", Map(("containers", new[] { container }), ("hostNetwork", p.HostNetwork ? true : null), ("nodeName", p.NodeName), ("serviceAccountName", p.ServiceAccount))),
            ("status", Map(("phase", "Running"), ("podIP", p.PodIp), ("podIPs", new[] { Map(("ip", p.PodIp)) }),
                ("containerStatuses", new[] { Map(("name", container["name"]), ("ready", p.Ready), ("restartCount", p.Restarts)) }))));
    }

    private static object RenderServiceAccount((string Namespace, string Name) sa) => Map(
        ("apiVersion", "v1"), ("kind", "ServiceAccount"), ("metadata", Meta(sa.Name, sa.Namespace)));

    private static object RenderBinding(ClusterRoleBinding b) => Map(
        ("apiVersion", "rbac.authorization.k8s.io/v1"), ("kind", "ClusterRoleBinding"), ("metadata", Meta(b.Name)),
        ("roleRef", Map(("apiGroup", "rbac.authorization.k8s.io"), ("kind", "ClusterRole"), ("name", b.Role))),
        ("subjects", b.ServiceAccounts.Select(s => Map(("kind", "ServiceAccount"), ("name", s.Name), ("namespace", s.Namespace))).ToList()));
}
