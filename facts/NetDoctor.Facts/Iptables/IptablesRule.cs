namespace NetDoctor.Facts;

/// <summary>
/// One rule ("-A CHAIN ...") of an iptables table: its position in the chain (1-based, as `iptables -L --line-numbers`
/// counts), structured matches in written order, the target, the counters of `iptables-save -c`, and the raw text.
/// </summary>
public sealed record IptablesRule : Fact
{
    public required string Table { get; init; }
    public required string Chain { get; init; }
    public int Position { get; init; }
    public IReadOnlyList<IptablesMatch> Matches { get; init; } = [];
    public IptablesTarget Target { get; init; } = IptablesTarget.NoTarget;
    public long? Packets { get; init; }
    public long? Bytes { get; init; }
    private readonly TextSlice _text;

    /// <summary>The rule as written, without the counters prefix.</summary>
    public string Text { get => _text.ToString(); init => _text = new TextSlice(value); }

    /// <summary>
    /// Sets <see cref="Text"/> to a slice of the dump the rule was read from, so a big dump is not copied line by line.
    /// Internal and write-only, so that serializers, the expression sandbox and test fixtures see only <see cref="Text"/>.
    /// </summary>
    internal TextSlice TextSlice { init => _text = value; }
    public IptablesBackend Backend { get; init; }
    public IpFamily Family { get; init; } = IpFamily.Inet;

    public AddressMatch? SourceAddress => First<AddressMatch>(m => m.Direction == Direction.Source);
    public AddressMatch? DestinationAddress => First<AddressMatch>(m => m.Direction == Direction.Destination);
    public InterfaceMatch? InInterface => First<InterfaceMatch>(m => m.Input);
    public InterfaceMatch? OutInterface => First<InterfaceMatch>(m => !m.Input);
    public string? Protocol => First<ProtocolMatch>(_ => true)?.Protocol;
    public IReadOnlyList<SetMatch> SetMatches => Matches.OfType<SetMatch>().ToList();
    public IReadOnlyList<MarkMatch> MarkMatches => Matches.OfType<MarkMatch>().ToList();
    public IReadOnlyList<AddrTypeMatch> AddrTypeMatches => Matches.OfType<AddrTypeMatch>().ToList();

    /// <summary>The rule's comment(s), joined with "; " when there are several; null when none.</summary>
    public string? Comment
    {
        get
        {
            string? result = null;
            foreach (var m in Matches)
                if (m is CommentMatch c) result = result is null ? c.Comment : result + "; " + c.Comment;
            return result;
        }
    }

    /// <summary>True when the rule jumps or goes to <paramref name="chain"/>.</summary>
    public bool JumpsTo(string chain) => Target.Chain == chain;

    /// <summary>True when the rule has only a target: every packet reaching it is affected.</summary>
    public bool IsUnconditional => Matches.All(m => m.Kind == MatchKind.Comment);

    public override string Summary => $"{Table} {Chain}#{Position}: {Text}";

    private T? First<T>(Func<T, bool> predicate) where T : IptablesMatch
    {
        foreach (var m in Matches)
            if (m is T t && predicate(t)) return t;
        return null;
    }
}
