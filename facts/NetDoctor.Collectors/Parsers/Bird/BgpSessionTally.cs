using System.Net;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Bird;

/// <summary>
/// Builds a report's <see cref="BgpSessionList"/> as its <see cref="BgpPeer"/>s are read (BIRD's protocol list and
/// `calicoctl node status` both use it), so rules can count a node's sessions without keeping every Established peer.
/// </summary>
internal sealed class BgpSessionTally(BgpPeerOrigin origin)
{
    private readonly List<IPAddress> _peers = [];
    private readonly HashSet<IPAddress> _seen = [];
    private int _established;

    public void Count(BgpPeer peer)
    {
        if (_seen.Add(peer.PeerAddress)) _peers.Add(peer.PeerAddress);
        if (peer.State == BgpSessionState.Established) _established++;
    }

    /// <summary>Adds the list to <paramref name="result"/> when the report listed a session (a file-wide fact: line 0).</summary>
    public void AddTo(ParseResult result, ParseInput input)
    {
        if (_peers.Count == 0) return;
        result.Add(new BgpSessionList
        {
            Source = input.At(0),
            Node = input.Node,
            Origin = origin,
            PeerAddresses = _peers.ToArray(),
            Established = _established,
        });
    }
}
