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
    private Source? _first;

    public void Count(BgpPeer peer)
    {
        _first ??= peer.Source;
        if (_seen.Add(peer.PeerAddress)) _peers.Add(peer.PeerAddress);
        if (peer.State == BgpSessionState.Established) _established++;
    }

    /// <summary>Adds the list to <paramref name="result"/> when the report listed a session; its line is the first session's.</summary>
    public void AddTo(ParseResult result, ParseInput input)
    {
        if (_first is not { } first) return;
        result.Add(new BgpSessionList
        {
            Source = first,
            Node = input.Node,
            Origin = origin,
            PeerAddresses = _peers.ToArray(),
            Established = _established,
        });
    }
}
