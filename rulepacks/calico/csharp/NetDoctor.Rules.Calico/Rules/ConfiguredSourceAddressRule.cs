using NetDoctor.Facts;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Rules.Calico.Facts;
using NRules.Fluent.Dsl;

namespace NetDoctor.Rules.Calico.Rules;

/// <summary>
/// Helper: a node's own bird.cfg dials its BGP peers from a source address (Calico writes the node's BGP address there)
/// that is not the node's Kubernetes InternalIP. One finding per node and address: every mesh protocol repeats it.
/// </summary>
[Name("calico/bgp-config-source-address")]
[Description("The source address in a node's bird.cfg differs from its Kubernetes InternalIP")]
[Tag("severity:info"), Tag("calico"), Tag("bgp"), Tag("helper")]
public sealed class ConfiguredSourceAddressRule : Rule
{
    public override void Define()
    {
        BirdBgpNeighbor neighbor = null!;
        KubeNode kubeNode = null!;

        When()
            .Match(() => neighbor, n => n.Node != null, n => n.SourceAddress != null, n => n.PeerType == BgpPeerType.NodeMesh)
            .Not<BirdBgpNeighbor>(earlier => earlier.Node == neighbor.Node && earlier.PeerType == BgpPeerType.NodeMesh &&
                earlier.SourceAddress != null && earlier.SourceAddress.Equals(neighbor.SourceAddress) && earlier.Source.Line < neighbor.Source.Line)
            .Match(() => kubeNode,
                k => k.Name == neighbor.Node,
                k => k.InternalIps.Any(ip => ip.AddressFamily == neighbor.SourceAddress!.AddressFamily),
                k => !k.InternalIps.Contains(neighbor.SourceAddress!));

        Then().Derive(() => new WrongBgpAddress
        {
            AffectedNode = kubeNode.Name,
            BgpAddress = new Cidr(neighbor.SourceAddress!, neighbor.SourceAddress!.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128),
            SeenAs = "its own BIRD configuration dials its peers from " + neighbor.SourceAddress + " (" + neighbor.Source + ")",
            From = new Fact[] { neighbor, kubeNode },
        });
    }
}
