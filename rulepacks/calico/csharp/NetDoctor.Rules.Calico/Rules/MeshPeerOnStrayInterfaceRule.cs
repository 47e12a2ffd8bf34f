using NetDoctor.Facts;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Rules.Calico.Facts;
using NRules.Fluent.Dsl;

namespace NetDoctor.Rules.Calico.Rules;

/// <summary>
/// Helper, the multi-node correlation of incident 001: node A's BGP session to some address is down, that address is
/// no Kubernetes node's address, but it is configured on an interface of another node B. Calico on B advertised the
/// address of that interface as its BGP address, so A (and every other peer) dials an address B is not reachable on.
/// </summary>
[Name("calico/bgp-peer-on-stray-interface")]
[Description("A down BGP peer address belongs to a non-Kubernetes interface of another node")]
[Tag("severity:info"), Tag("calico"), Tag("bgp"), Tag("helper")]
public sealed class MeshPeerOnStrayInterfaceRule : Rule
{
    public override void Define()
    {
        BgpPeer peer = null!;
        InterfaceAddress stray = null!;

        When()
            .Match(() => peer, p => p.State != BgpSessionState.Established, p => p.Node != null)
            .Not<KubeNode>(k => k.IpAddresses.Contains(peer.PeerAddress))
            .Match(() => stray,
                a => a.Node != null && a.Node != peer.Node,
                a => a.Address.Address.Equals(peer.PeerAddress));

        Then().Derive(() => new WrongBgpAddress
        {
            AffectedNode = stray.Node!,
            BgpAddress = stray.Address,
            Interface = stray.Interface,
            SeenAs = "mesh peer of " + peer.Node,
            ObservedBy = peer.Node,
            From = new Fact[] { peer, stray },
        });
    }
}
