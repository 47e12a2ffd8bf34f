using System.Net;

namespace NetDoctor.Facts;

/// <summary>
/// Every BGP session one report lists for a node (BIRD's protocol list or `calicoctl node status`): the peer addresses,
/// once each, and how many of the sessions are Established. Rules count a node's sessions from it ("1 of the 999 BGP
/// sessions") and keep a <see cref="BgpPeer"/> only for the sessions they look at: in Calico's full mesh every node has a
/// session with every other, so one fact per Established session would be nodes² facts (a million at 1,000 nodes).
/// </summary>
public sealed record BgpSessionList : Fact
{
    /// <summary>Which tool's report listed the sessions.</summary>
    public BgpPeerOrigin Origin { get; init; }

    /// <summary>The peer of every session listed, once each, in the order listed.</summary>
    public IReadOnlyList<IPAddress> PeerAddresses { get; init; } = [];

    /// <summary>The sessions listed in the Established state.</summary>
    public int Established { get; init; }

    public override string Summary =>
        $"{PeerAddresses.Count} BGP session(s) listed by {(Origin == BgpPeerOrigin.Bird ? "BIRD" : "calicoctl")}, {Established} Established";
}
