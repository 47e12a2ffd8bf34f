using NetDoctor.Facts;

namespace NetDoctor.Packs.Inputs;

/// <summary>
/// Fact types that speak only for the node they were read on: its host state (<see cref="HostFacts"/>, iptables tables,
/// calicoctl node status), its own kube-proxy's and calico-node's settings, its pods' logs. When such facts are cut on one node, only that node's
/// diagnoses lack them. Anything else read on a node — kube-apiserver's flags that define the service CIDR, objects of
/// the cluster — feeds every node's diagnoses, so its cut stops a rule everywhere.
/// </summary>
public static class NodeOwnFacts
{
    private static readonly HashSet<Type> Types =
    [
        typeof(IptablesTable), typeof(CalicoProcessStatus),
        typeof(KubeProxySettings), typeof(CalicoNodeSettings), typeof(ComponentSettings), typeof(LogLine), typeof(LogEvent),
    ];

    public static bool Is(Type type) => HostFacts.Is(type) || Types.Contains(type);
}
