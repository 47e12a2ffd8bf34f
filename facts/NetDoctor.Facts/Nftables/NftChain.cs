namespace NetDoctor.Facts;

/// <summary>
/// One chain of an nft table. A base chain is attached to a netfilter hook ("type nat hook output priority -100; policy
/// accept;"); a regular chain is only reached by jump/goto.
/// </summary>
public sealed record NftChain : Fact
{
    public required string Family { get; init; }
    public required string Table { get; init; }
    public required string Name { get; init; }
    /// <summary>filter, nat, route; null for a regular chain.</summary>
    public string? Type { get; init; }
    /// <summary>prerouting, input, forward, output, postrouting, ingress, egress; null for a regular chain.</summary>
    public string? Hook { get; init; }
    /// <summary>The priority as printed: "-100", "srcnat", "dstnat - 10".</summary>
    public string? Priority { get; init; }
    /// <summary>accept or drop for a base chain.</summary>
    public string? Policy { get; init; }
    public string? Comment { get; init; }
    public int Rules { get; init; }

    public bool IsBase => Hook is not null;

    public override string Summary =>
        $"nft chain {Family} {Table} {Name}" + (Hook is null ? "" : $" ({Type} hook {Hook} priority {Priority}" + (Policy is null ? ")" : $" policy {Policy})"));
}
