using NetDoctor.Facts;

namespace NetDoctor.Packs.Inputs;

/// <summary>
/// The fact types every node shows about itself — what `netdoctor collect` reads from each node's own commands (ip,
/// iptables-save, ipset, nft, ipvsadm, sysctl, birdcl). A rule that needs one of them is checked node by node: a node
/// whose bundle lacks that output while other nodes have it was not checked. Everything else — cluster objects,
/// component flags (kube-apiserver runs on some nodes only), logs (a pod's node) — is checked across all inputs.
/// </summary>
public static class HostFacts
{
    private static readonly HashSet<Type> Types =
    [
        typeof(Route), typeof(RoutingRule), typeof(InterfaceAddress), typeof(NetworkLink),
        typeof(IptablesChain), typeof(IptablesRule), typeof(IpSet), typeof(IpSetMember),
        typeof(NftTable), typeof(NftChain), typeof(NftRule), typeof(NftSet), typeof(NftSetElement),
        typeof(IpvsService), typeof(IpvsDestination), typeof(Sysctl),
        typeof(BgpPeer), typeof(BirdProtocol), typeof(BirdBgpNeighbor), typeof(BirdRouterId), typeof(BirdStaticRoute),
    ];

    public static bool Is(Type type) => Types.Contains(type);
}
