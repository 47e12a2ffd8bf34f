using NetDoctor.Facts;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Rules.Calico.Facts;
using NRules.Fluent.Dsl;

namespace NetDoctor.Rules.Calico.Rules;

/// <summary>
/// Helper, incident 001 read from BIRD's configuration instead of its sessions: node A's bird.cfg (rendered by confd from
/// every node's BGP address) has a mesh neighbor that is no Kubernetes node's address but sits on an interface of node B.
/// Calico on B advertised that interface's address, so every peer dials an address B is not reachable on — whether or
/// not `birdcl show protocols` was collected to show the sessions failing.
/// </summary>
[Name("calico/bgp-config-peer-on-stray-interface")]
[Description("A mesh neighbor in bird.cfg is a non-Kubernetes interface address of another node")]
[Tag("severity:info"), Tag("calico"), Tag("bgp"), Tag("helper")]
public sealed class ConfiguredMeshPeerOnStrayInterfaceRule : Rule
{
    public override void Define()
    {
        BirdBgpNeighbor neighbor = null!;
        InterfaceAddress stray = null!;

        When()
            .Match(() => neighbor, n => n.PeerType == BgpPeerType.NodeMesh, n => n.Node != null)
            .Not<KubeNode>(k => k.IpAddresses.Contains(neighbor.NeighborAddress))
            .Match(() => stray,
                a => a.Node != null && a.Node != neighbor.Node,
                a => a.Address.Address.Equals(neighbor.NeighborAddress));

        Then().Derive(() => new WrongBgpAddress
        {
            AffectedNode = stray.Node!,
            BgpAddress = stray.Address,
            Interface = stray.Interface,
            SeenAs = "the node-to-node mesh in " + neighbor.Node + "'s BIRD configuration dials " + neighbor.NeighborAddress + " (" + neighbor.Source + ")",
            From = new Fact[] { neighbor, stray },
        });
    }
}
