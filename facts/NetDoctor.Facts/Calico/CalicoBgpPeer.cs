using System.Net;

namespace NetDoctor.Facts;

/// <summary>
/// A Calico BGPPeer resource (an explicitly configured peer: global when neither node nor nodeSelector is set).
/// </summary>
public sealed record CalicoBgpPeer : Fact
{
    public required string Name { get; init; }
    /// <summary>spec.peerIP parsed; null when it is missing or not an address (the raw text is in <see cref="PeerIpText"/>).</summary>
    public IPAddress? PeerIp { get; init; }
    /// <summary>spec.peerIP as written; may carry a port ("10.0.0.1:179") or be "[fd00::1]:179".</summary>
    public string? PeerIpText { get; init; }
    public long? AsNumber { get; init; }
    public string? PeerNode { get; init; }
    public string? NodeSelector { get; init; }
    public string? PeerSelector { get; init; }

    public bool IsGlobal => PeerNode is null && NodeSelector is null;

    public override string Summary => $"BGPPeer {Name} {PeerIpText ?? PeerSelector ?? ""} AS {AsNumber?.ToString() ?? "-"}".TrimEnd();
}
