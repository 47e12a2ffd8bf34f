using System.Net;

namespace NetDoctor.Facts;

/// <summary>How Calico configured a BGP session (from the BIRD protocol name or calicoctl's PEER TYPE column).</summary>
public enum BgpPeerType
{
    Unknown,
    /// <summary>Calico's automatic full mesh between nodes ("node-to-node mesh", BIRD protocol "Mesh_…").</summary>
    NodeMesh,
    /// <summary>A cluster-wide BGPPeer ("global", "Global_…").</summary>
    Global,
    /// <summary>A BGPPeer bound to this node ("node specific", "Node_…").</summary>
    NodeSpecific,
}

/// <summary>The BGP finite-state-machine state (RFC 4271) as BIRD reports it in the info column.</summary>
public enum BgpSessionState
{
    Unknown,
    Idle,
    Connect,
    Active,
    OpenSent,
    OpenConfirm,
    Established,
    /// <summary>BIRD waits for the peer to connect (passive sessions).</summary>
    Passive,
    /// <summary>The protocol is administratively down or has no BGP state yet.</summary>
    Start,
    Down,
}

/// <summary>BIRD's protocol state column: the routing protocol instance, not the BGP session.</summary>
public enum BirdProtocolState
{
    Unknown,
    Up,
    Start,
    Down,
    Feed,
    Flush,
}

/// <summary>Which tool reported the peer.</summary>
public enum BgpPeerOrigin
{
    Bird,
    Calicoctl,
}

/// <summary>
/// One BGP session of a node as BIRD sees it (`birdcl show protocols` or `calicoctl node status`).
/// A rule needs only <see cref="PeerAddress"/> and <see cref="State"/>; the raw columns stay for the report.
/// </summary>
public sealed record BgpPeer : Fact
{
    public required IPAddress PeerAddress { get; init; }
    public BgpPeerType PeerType { get; init; }
    /// <summary>The BGP state, taken from the first word of the info column ("Established", "Connect", "Active"...).</summary>
    public BgpSessionState State { get; init; }
    /// <summary>The state word as printed (kept because retyped outputs carry typos).</summary>
    public string StateText { get; init; } = "";
    public BirdProtocolState ProtocolState { get; init; }
    /// <summary>The protocol state column as printed ("up", "start").</summary>
    public string ProtocolStateText { get; init; } = "";
    /// <summary>When the protocol entered its state, as printed ("02:04:22", "2020-04-08").</summary>
    public string Since { get; init; } = "";
    /// <summary>The whole info column ("Active Socket: Connection closed").</summary>
    public string Info { get; init; } = "";
    /// <summary>The BIRD protocol name ("Mesh_10_2_7_201"); null when calicoctl printed the peer.</summary>
    public string? ProtocolName { get; init; }
    public BgpPeerOrigin Origin { get; init; }

    public bool IsEstablished => State == BgpSessionState.Established;
    public bool IsIPv6 => PeerAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;

    public override string Summary => $"BGP peer {PeerAddress} ({PeerTypeText}) {ProtocolStateText} {Info}".TrimEnd();

    private string PeerTypeText => PeerType switch
    {
        BgpPeerType.NodeMesh => "node-to-node mesh",
        BgpPeerType.Global => "global",
        BgpPeerType.NodeSpecific => "node specific",
        _ => "unknown type",
    };
}
