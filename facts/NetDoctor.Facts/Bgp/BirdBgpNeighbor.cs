using System.Net;

namespace NetDoctor.Facts;

/// <summary>
/// A BGP peer as BIRD is configured to reach it: one "protocol bgp NAME [from TEMPLATE] { neighbor ADDR as ASN; … }" of the
/// bird.cfg / bird6.cfg Calico's confd renders (also the node's own BGP address, as "source address"). Known even when
/// `birdcl show protocols` was not collected, and whatever state the session is in. A password is only noted, never kept.
/// </summary>
public sealed record BirdBgpNeighbor : Fact
{
    /// <summary>The protocol name ("Mesh_10_192_0_3", "Node_10_0_0_1", "Global_…").</summary>
    public required string ProtocolName { get; init; }
    public BgpPeerType PeerType { get; init; }
    public required IPAddress NeighborAddress { get; init; }
    public long? NeighborAs { get; init; }
    /// <summary>The local AS, from the protocol or its template ("local as 64512").</summary>
    public long? LocalAs { get; init; }
    /// <summary>"source address": the local address BIRD dials from — Calico writes the node's own BGP address here.</summary>
    public IPAddress? SourceAddress { get; init; }
    public int? Port { get; init; }
    public string? Template { get; init; }
    /// <summary>"passive on": BIRD waits for the peer to connect (Calico's mesh: only one side dials).</summary>
    public bool Passive { get; init; }
    public bool NextHopSelf { get; init; }
    public bool NextHopKeep { get; init; }
    public bool RouteReflectorClient { get; init; }
    public bool Multihop { get; init; }
    public bool HasPassword { get; init; }

    public bool IsIPv6 => NeighborAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;

    public override string Summary =>
        $"BIRD protocol bgp {ProtocolName}: neighbor {NeighborAddress} as {NeighborAs?.ToString() ?? "?"}" +
        (SourceAddress is null ? "" : $" from {SourceAddress}") + (Passive ? " passive" : "") + (NextHopSelf ? " next hop self" : "") +
        (NextHopKeep ? " next hop keep" : "") + (RouteReflectorClient ? " rr client" : "");
}
