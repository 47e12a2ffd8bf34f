namespace NetDoctor.Facts;

/// <summary>
/// One table section ("*nat" ... "COMMIT") of an iptables-save dump: which backend wrote it, and whether the dump
/// warned that the other backend also holds tables (rules split across legacy and nft never see each other's chains).
/// </summary>
public sealed record IptablesTable : Fact
{
    public required string Name { get; init; }
    public IptablesBackend Backend { get; init; }
    public IpFamily Family { get; init; } = IpFamily.Inet;
    /// <summary>"# Warning: iptables-legacy tables present" was printed by iptables-nft-save.</summary>
    public bool LegacyTablesPresent { get; init; }
    /// <summary>False when the section ended without COMMIT (a truncated or hand-cut dump).</summary>
    public bool Committed { get; init; }
    public int Chains { get; init; }
    public int Rules { get; init; }

    public override string Summary =>
        $"{Name} ({Backend.ToString().ToLowerInvariant()}, {Chains} chains, {Rules} rules)" + (LegacyTablesPresent ? " legacy tables also present" : "");
}
