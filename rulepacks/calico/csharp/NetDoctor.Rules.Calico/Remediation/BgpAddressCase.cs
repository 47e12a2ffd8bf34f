using System.Net;
using System.Net.Sockets;
using NetDoctor.Facts;
using NetDoctor.Rules.Calico.Facts;

namespace NetDoctor.Rules.Calico.Remediation;

/// <summary>Everything known about one node whose BGP address is wrong, with the lookups the report needs.</summary>
public sealed record BgpAddressCase(
    string Node,
    IReadOnlyList<WrongBgpAddress> Findings,
    IReadOnlyList<KubeNode> KubeNodes,
    IReadOnlyList<CalicoNode> CalicoNodes,
    IReadOnlyList<InterfaceAddress> Addresses,
    IReadOnlyList<KubePod> CalicoPods,
    IReadOnlyList<CalicoNodeSettings> Settings)
{
    /// <summary>The node's Kubernetes InternalIP (IPv4), when the Node object was collected.</summary>
    public IPAddress? KubernetesAddress =>
        KubeNodes.SelectMany(k => k.InternalIps).FirstOrDefault(ip => ip.AddressFamily == AddressFamily.InterNetwork);

    /// <summary>The interface that carries the Kubernetes address, with its prefix ("eth0", 10.2.7.201/24).</summary>
    public InterfaceAddress? KubernetesInterface =>
        KubernetesAddress is { } k ? Addresses.FirstOrDefault(a => a.Address.Address.Equals(k)) : null;

    /// <summary>The wrong addresses, distinct, in the order they were found.</summary>
    public IReadOnlyList<Cidr> WrongAddresses => Findings.Select(f => f.BgpAddress).DistinctBy(c => c.Address).ToList();

    /// <summary>Interfaces of the node holding a wrong address: from the findings, else looked up in the node's addresses.</summary>
    public IReadOnlyList<string> StrayInterfaces =>
        Findings.Select(f => f.Interface)
            .Concat(WrongAddresses.SelectMany(w => Addresses.Where(a => a.Address.Address.Equals(w.Address)).Select(a => (string?)a.Interface)))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Nodes whose session to the wrong address is down.</summary>
    public IReadOnlyList<string> ObservedBy => Findings.Select(f => f.ObservedBy).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The Calico Node resource name (usually the Kubernetes node name).</summary>
    public string CalicoNodeName => CalicoNodes.FirstOrDefault()?.Name ?? Node;

    /// <summary>The namespace calico-node runs in: calico-system under the Tigera operator, kube-system with the manifests.</summary>
    public string CalicoNamespace => CalicoPods.FirstOrDefault()?.Namespace ?? "kube-system";

    public bool OperatorManaged => CalicoNamespace == "calico-system";

    /// <summary>The calico-node pod on this node, when pods were collected.</summary>
    public KubePod? CalicoPod => CalicoPods.FirstOrDefault(p => p.NodeName == Node);

    /// <summary>The effective IP_AUTODETECTION_METHOD (a node's own settings win over the DaemonSet's).</summary>
    public string AutodetectionMethod =>
        (Settings.FirstOrDefault(s => s.Node == Node) ?? Settings.FirstOrDefault())?.IpAutodetectionMethod ?? "first-found (default)";
}
