using System.Net;

namespace NetDoctor.Collectors.Parsers.BirdConfig;

/// <summary>The settings of one "protocol bgp" or "template bgp" block; a protocol starts from a copy of its template's.</summary>
public sealed record BgpSettings
{
    public IPAddress? Neighbor { get; set; }
    public string? NeighborText { get; set; }
    public int NeighborLine { get; set; }
    public long? NeighborAs { get; set; }
    public long? LocalAs { get; set; }
    public IPAddress? SourceAddress { get; set; }
    public int? Port { get; set; }
    public bool Passive { get; set; }
    public bool NextHopSelf { get; set; }
    public bool NextHopKeep { get; set; }
    public bool RouteReflectorClient { get; set; }
    public bool Multihop { get; set; }
    public bool HasPassword { get; set; }
}
