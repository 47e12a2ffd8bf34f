namespace NetDoctor.Facts;

/// <summary>calico-node's environment settings that decide its BGP address and default pool.</summary>
public sealed record CalicoNodeSettings : Fact
{
    /// <summary>IP_AUTODETECTION_METHOD ("first-found" when unset, "interface=eth0", "can-reach=...", "kubernetes-internal-ip").</summary>
    public string? IpAutodetectionMethod { get; init; }
    /// <summary>IP: "autodetect", "none" or a fixed address.</summary>
    public string? Ip { get; init; }
    public string? Ip6 { get; init; }
    public string? Ipv4PoolCidrText { get; init; }
    public Cidr? Ipv4PoolCidr { get; init; }
    public string? Ipv4PoolIpip { get; init; }
    public string? Ipv4PoolVxlan { get; init; }
    public string? NodeName { get; init; }
    public string? DatastoreType { get; init; }
    public string? CalicoNetworkingBackend { get; init; }

    /// <summary>True when calico-node picks the first interface it finds, the default that picked a stray interface in incident 001.</summary>
    public bool UsesFirstFound =>
        (Ip is null || Ip.Equals("autodetect", StringComparison.OrdinalIgnoreCase)) &&
        (IpAutodetectionMethod is null || IpAutodetectionMethod.Equals("first-found", StringComparison.OrdinalIgnoreCase));

    public override string Summary =>
        $"calico-node IP={Ip ?? "autodetect"} IP_AUTODETECTION_METHOD={IpAutodetectionMethod ?? "first-found"}" +
        (Ipv4PoolCidrText is null ? "" : $" CALICO_IPV4POOL_CIDR={Ipv4PoolCidrText}");
}
