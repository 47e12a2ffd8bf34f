namespace NetDoctor.Facts;

/// <summary>A named set or map of an nft table ("set cluster-ips { type ipv4_addr; … }", "map service-ips { … : verdict }").</summary>
public sealed record NftSet : Fact
{
    public required string Family { get; init; }
    public required string Table { get; init; }
    public required string Name { get; init; }
    public bool IsMap { get; init; }
    /// <summary>The type line as printed: "ipv4_addr", "ipv4_addr . inet_proto . inet_service : verdict".</summary>
    public string Type { get; init; } = "";
    public IReadOnlyList<string> Flags { get; init; } = [];
    public string? Comment { get; init; }
    public int Elements { get; init; }

    public override string Summary => $"nft {(IsMap ? "map" : "set")} {Family} {Table} {Name} {{ {Type} }} ({Elements} elements)";
}
