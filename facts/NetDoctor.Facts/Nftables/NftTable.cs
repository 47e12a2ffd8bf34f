namespace NetDoctor.Facts;

/// <summary>
/// One table of `nft list ruleset` ("table ip kube-proxy {"). Family is nft's: ip, ip6, inet, arp, bridge, netdev.
/// kube-proxy's nftables mode owns `ip kube-proxy` / `ip6 kube-proxy`, Calico's nftables dataplane `ip calico` / `ip6 calico`;
/// tables named filter/nat/mangle/raw/security are usually iptables-nft's, whose rules iptables-save shows in full.
/// </summary>
public sealed record NftTable : Fact
{
    public required string Family { get; init; }
    public required string Name { get; init; }
    public string? Comment { get; init; }
    public int Chains { get; init; }
    public int Rules { get; init; }
    public int Sets { get; init; }
    /// <summary>False when the table's closing brace was never read (a cut paste).</summary>
    public bool Complete { get; init; }

    public override string Summary => $"nft table {Family} {Name} ({Chains} chains, {Rules} rules, {Sets} sets/maps)" + (Complete ? "" : " cut short");
}
