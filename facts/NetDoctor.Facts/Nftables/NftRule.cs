namespace NetDoctor.Facts;

/// <summary>
/// One rule of an nft chain, in order (Position is 1-based). <see cref="Statements"/> are the rule's parts as printed
/// ("ip saddr != 172.16.128.0/17", "meta l4proto tcp", "jump mark-for-masquerade"), so a rule can test one of them
/// without parsing nft; the verdict, the chain it jumps to and a NAT statement are also typed.
/// </summary>
public sealed record NftRule : Fact
{
    public required string Family { get; init; }
    public required string Table { get; init; }
    public required string Chain { get; init; }
    public int Position { get; init; }
    /// <summary>The rule as printed.</summary>
    public required string Text { get; init; }
    public IReadOnlyList<string> Statements { get; init; } = [];
    /// <summary>accept, drop, reject, return, jump, goto, queue, continue; "" when the rule has none (it falls through).</summary>
    public string Verdict { get; init; } = "";
    /// <summary>The chain of a jump/goto verdict.</summary>
    public string? Target { get; init; }
    /// <summary>masquerade, snat, dnat, redirect; "" when the rule does no NAT.</summary>
    public string Nat { get; init; } = "";
    public string? Comment { get; init; }
    public long? Packets { get; init; }
    public long? Bytes { get; init; }

    /// <summary>True when some statement starts with <paramref name="prefix"/> ("ip saddr !=", "jump mark-for-masquerade").</summary>
    public bool Has(string prefix) => Statements.Any(s => s.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The value of the first "prefix value" statement ("ip saddr !=" gives "172.16.128.0/17"); null when absent.</summary>
    public string? ValueOf(string prefix) =>
        Statements.FirstOrDefault(s => s.StartsWith(prefix + " ", StringComparison.Ordinal))?[(prefix.Length + 1)..].Trim();

    public override string Summary => $"nft {Family} {Table} {Chain}#{Position}: {Text}";
}
