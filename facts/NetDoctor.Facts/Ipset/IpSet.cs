namespace NetDoctor.Facts;

public enum IpSetMethod
{
    Unknown,
    Hash,
    Bitmap,
    List,
}

/// <summary>One dimension of a set type: "hash:ip,port" has Ip and Port.</summary>
public enum IpSetDimension
{
    Ip,
    Net,
    Port,
    Mac,
    Iface,
    Mark,
    Set,
}

/// <summary>
/// An ipset (`ipset list` header or `ipset save` "create" line). Calico keeps its IP pools in sets
/// (cali40masq-ipam-pools, cali40all-ipam-pools) and kube-proxy in IPVS mode its cluster IPs (KUBE-CLUSTER-IP).
/// </summary>
public sealed record IpSet : Fact
{
    public required string Name { get; init; }
    /// <summary>The type as written, normalised without blanks: "hash:net", "hash:ip,port", "bitmap:port".</summary>
    public required string Type { get; init; }
    public IpSetMethod Method { get; init; }
    public IReadOnlyList<IpSetDimension> Dimensions { get; init; } = [];
    public IpFamily Family { get; init; }
    public int? Revision { get; init; }
    public long? MaxElem { get; init; }
    public long? HashSize { get; init; }
    /// <summary>Default timeout of entries in seconds, when the set has one.</summary>
    public int? Timeout { get; init; }
    public bool Counters { get; init; }
    public bool Comment { get; init; }
    public bool SkbInfo { get; init; }
    public int? BucketSize { get; init; }
    public uint? InitVal { get; init; }
    /// <summary>bitmap range ("1-65535", "10.0.0.0-10.0.0.255").</summary>
    public string? Range { get; init; }
    public long? SizeInMemory { get; init; }
    public int? References { get; init; }
    /// <summary>"Number of entries" as declared by `ipset list` (ipset 7+); may differ from the members read when truncated.</summary>
    public int? NumberOfEntries { get; init; }
    /// <summary>Header options not modelled above, "name value" or "name" verbatim.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    public bool HasDimension(IpSetDimension d) => Dimensions.Contains(d);

    public override string Summary => $"{Name} {Type}" + (NumberOfEntries is { } n ? $" ({n} entries)" : "");
}
