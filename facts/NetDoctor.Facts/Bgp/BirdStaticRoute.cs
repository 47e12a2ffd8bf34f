namespace NetDoctor.Facts;

/// <summary>
/// A "route X blackhole;" (or "via …", "unreachable") of a BIRD static protocol or template: in Calico's bird_aggr.cfg, the
/// IPAM blocks this node owns and exports to its peers.
/// </summary>
public sealed record BirdStaticRoute : Fact
{
    public required Cidr Destination { get; init; }
    /// <summary>blackhole, unreachable, prohibit, or "via ADDR".</summary>
    public required string Action { get; init; }
    /// <summary>The protocol or template it belongs to ("static_template").</summary>
    public string? Owner { get; init; }

    public override string Summary => $"BIRD static route {Destination} {Action}";
}
