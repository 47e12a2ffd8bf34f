namespace NetDoctor.Facts;

/// <summary>
/// One entry of an ipset. <see cref="Entry"/> is the element as written ("192.168.0.0/16", "10.96.0.10,udp:53");
/// the typed fields are filled when the element has that dimension.
/// </summary>
public sealed record IpSetMember : Fact
{
    public required string Set { get; init; }
    public required string Entry { get; init; }
    /// <summary>The first address/network of the element (hash:ip, hash:net, hash:ip,port...). A bare address is a host prefix.</summary>
    public Cidr? Cidr { get; init; }
    /// <summary>A second address dimension (hash:ip,port,ip / hash:net,net / hash:ip,port,net).</summary>
    public Cidr? SecondCidr { get; init; }
    public string? Protocol { get; init; }
    public int? Port { get; init; }
    /// <summary>Other parts of a multi-dimension element that are not an address or port (mac, interface, mark) verbatim.</summary>
    public IReadOnlyList<string> OtherParts { get; init; } = [];
    public int? Timeout { get; init; }
    public bool NoMatch { get; init; }
    public string? Comment { get; init; }
    public long? Packets { get; init; }
    public long? Bytes { get; init; }
    /// <summary>Element options not modelled above verbatim (skbmark, skbprio...).</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    public override string Summary => $"{Set} {Entry}" + (NoMatch ? " nomatch" : "");
}
