namespace NetDoctor.Facts;

public enum MatchKind
{
    Address,
    Interface,
    Protocol,
    Port,
    Multiport,
    Set,
    Mark,
    AddrType,
    Comment,
    Conntrack,
    Statistic,
    Module,
    Raw,
}

/// <summary>Which packet field a match looks at.</summary>
public enum Direction
{
    Source,
    Destination,
    /// <summary>multiport --ports: either port.</summary>
    Either,
}

/// <summary>
/// One condition of an iptables rule. <see cref="Text"/> is the condition exactly as written, so that a
/// rule can always be shown the way the operator sees it; the subclasses add the typed meaning.
/// </summary>
public abstract record IptablesMatch
{
    public bool Negated { get; init; }
    public required string Text { get; init; }
    public abstract MatchKind Kind { get; }

    public override string ToString() => Text;
}

/// <summary>-s / -d.</summary>
public sealed record AddressMatch(Direction Direction, Cidr Cidr) : IptablesMatch
{
    public override MatchKind Kind => MatchKind.Address;

    /// <summary>Whether an address satisfies this match, negation included.</summary>
    public bool Matches(System.Net.IPAddress address) => Cidr.Contains(address) != Negated;
}

/// <summary>-i / -o; a trailing '+' is a prefix wildcard ("cali+").</summary>
public sealed record InterfaceMatch(bool Input, string Name) : IptablesMatch
{
    public override MatchKind Kind => MatchKind.Interface;
    public bool IsWildcard => Name.EndsWith('+');

    public bool Matches(string device) =>
        (IsWildcard ? device.StartsWith(Name[..^1], StringComparison.Ordinal) : device == Name) != Negated;
}

/// <summary>-p tcp / -p udp / -p 4 ...</summary>
public sealed record ProtocolMatch(string Protocol) : IptablesMatch
{
    public override MatchKind Kind => MatchKind.Protocol;
}

/// <summary>An inclusive port range; a single port has From == To.</summary>
public readonly record struct PortRange(int From, int To)
{
    public bool Contains(int port) => port >= From && port <= To;
    public override string ToString() => From == To ? From.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{From}:{To}";
}

/// <summary>--sport / --dport of the tcp, udp or sctp match.</summary>
public sealed record PortMatch(string Module, Direction Direction, PortRange Range) : IptablesMatch
{
    public override MatchKind Kind => MatchKind.Port;
}

/// <summary>-m multiport --dports 80,443,8000:8080.</summary>
public sealed record MultiportMatch(Direction Direction, IReadOnlyList<PortRange> Ports) : IptablesMatch
{
    public override MatchKind Kind => MatchKind.Multiport;
    public bool Contains(int port) => Ports.Any(r => r.Contains(port)) != Negated;
}

/// <summary>
/// -m set [!] --match-set NAME src|dst[,dst,...]. <see cref="Flags"/> are the per-dimension directions
/// ("dst,dst" for an ip,port set looked up with destination address and destination port).
/// </summary>
public sealed record SetMatch(string SetName, IReadOnlyList<Direction> Flags) : IptablesMatch
{
    public override MatchKind Kind => MatchKind.Set;
    /// <summary>The direction of the first dimension: whether the set is tested against the source or destination address.</summary>
    public Direction? FirstFlag => Flags.Count > 0 ? Flags[0] : null;
    /// <summary>Further set options (--return-nomatch, ! --update-counters...) verbatim.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];
}

/// <summary>-m mark [!] --mark VALUE[/MASK].</summary>
public sealed record MarkMatch(uint Value, uint? Mask) : IptablesMatch
{
    public override MatchKind Kind => MatchKind.Mark;
    public bool Matches(uint mark) => ((mark & (Mask ?? 0xFFFFFFFF)) == Value) != Negated;
}

/// <summary>Address types of the addrtype match (and of routes): LOCAL, UNICAST, BROADCAST...</summary>
public enum AddressType
{
    Unspec,
    Unicast,
    Local,
    Broadcast,
    Anycast,
    Multicast,
    Blackhole,
    Unreachable,
    Prohibit,
    Throw,
    Nat,
    XResolve,
}

/// <summary>
/// -m addrtype [!] --src-type T [!] --dst-type T [--limit-iface-in|--limit-iface-out].
/// Negation is per option here, so <see cref="IptablesMatch.Negated"/> stays false.
/// </summary>
public sealed record AddrTypeMatch : IptablesMatch
{
    public override MatchKind Kind => MatchKind.AddrType;
    public AddressType? SourceType { get; init; }
    public bool SourceNegated { get; init; }
    public AddressType? DestinationType { get; init; }
    public bool DestinationNegated { get; init; }
    public bool LimitIfaceIn { get; init; }
    public bool LimitIfaceOut { get; init; }
}

/// <summary>-m comment --comment "...".</summary>
public sealed record CommentMatch(string Comment) : IptablesMatch
{
    public override MatchKind Kind => MatchKind.Comment;
}

/// <summary>-m conntrack --ctstate ... / -m state --state ... (states upper-cased: NEW, ESTABLISHED, RELATED, INVALID, DNAT...).</summary>
public sealed record ConntrackMatch(string Module, IReadOnlyList<string> States) : IptablesMatch
{
    public override MatchKind Kind => MatchKind.Conntrack;
    /// <summary>Other conntrack options (--ctorigdst, --ctstatus...) verbatim.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];
}

public enum StatisticMode
{
    Random,
    Nth,
}

/// <summary>-m statistic --mode random --probability P | --mode nth --every N [--packet P] (kube-proxy's endpoint spread).</summary>
public sealed record StatisticMatch(StatisticMode Mode) : IptablesMatch
{
    public override MatchKind Kind => MatchKind.Statistic;
    public double? Probability { get; init; }
    public int? Every { get; init; }
    public int? Packet { get; init; }
}

/// <summary>A "-m NAME" with no options after it (e.g. the "-m tcp" iptables-save writes before --dport).</summary>
public sealed record ModuleMatch(string Module) : IptablesMatch
{
    public override MatchKind Kind => MatchKind.Module;
}

/// <summary>
/// Options this parser does not model, kept verbatim so that nothing is ever dropped
/// ("-m tcp --tcp-flags FIN,SYN SYN", "-m physdev --physdev-is-bridged", a misspelt option...).
/// </summary>
public sealed record RawMatch(string? Module) : IptablesMatch
{
    public override MatchKind Kind => MatchKind.Raw;
}
