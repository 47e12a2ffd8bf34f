using System.Globalization;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Nft;

/// <summary>
/// Calico's nftables dataplane keeps what Felix's iptables dataplane spreads over tables in one nft table "calico", naming
/// each chain after the iptables table it stands for ("filter-cali-pri-kns.default", "nat-cali-nat-outgoing") and keeping
/// its ipsets as nft sets of the same names. Read back as <see cref="IptablesChain"/>/<see cref="IptablesRule"/> (table and
/// chain names without the prefix) and <see cref="IpSet"/>/<see cref="IpSetMember"/>, the rules written for Felix's
/// iptables chains and ipsets (profile chains, cali-nat-outgoing, the pool sets) work on the nftables dataplane unchanged;
/// the nft facts stay beside them with the same lines. iptables-save never shows this table, so nothing is counted twice.
/// </summary>
public sealed class CalicoNftMapping
{
    private static readonly HashSet<string> Layers = new(StringComparer.Ordinal) { "filter", "nat", "mangle", "raw" };
    private readonly ParseInput _input;
    private readonly ParseResult _result;
    private readonly IpFamily _family;

    private CalicoNftMapping(IpFamily family, ParseInput input, ParseResult result) => (_family, _input, _result) = (family, input, result);

    public static CalicoNftMapping? For(string family, string table, ParseInput input, ParseResult result) =>
        table == "calico" && family is "ip" or "ip6" ? new CalicoNftMapping(family == "ip" ? IpFamily.Inet : IpFamily.Inet6, input, result) : null;

    public void Chain(NftChain chain)
    {
        if (!Split(chain.Name, out var table, out var name)) return;
        TargetKind? policy = chain.Policy switch { "accept" => TargetKind.Accept, "drop" => TargetKind.Drop, _ => null };
        _result.Add(new IptablesChain { Source = chain.Source, Node = chain.Node, Table = table, Name = name, Policy = policy, Backend = IptablesBackend.Nft, Family = _family });
    }

    public void Rule(NftRule rule)
    {
        if (!Split(rule.Chain, out var table, out var chain)) return;
        var matches = new List<IptablesMatch>();
        foreach (var statement in rule.Statements)
            if (Match(statement) is { } match) matches.Add(match);
        if (rule.Comment is { } comment) matches.Add(new CommentMatch(comment) { Text = $"comment \"{comment}\"" });
        _result.Add(new IptablesRule
        {
            Source = rule.Source, Node = rule.Node, Table = table, Chain = chain, Position = rule.Position, Matches = matches,
            Target = Target(rule), Packets = rule.Packets, Bytes = rule.Bytes, Text = rule.Text, Backend = IptablesBackend.Nft, Family = _family,
        });
    }

    public void Set(NftSet set, IReadOnlyList<NftSetElement> elements)
    {
        if (set.IsMap || !set.Name.StartsWith("cali", StringComparison.Ordinal)) return;
        bool net = set.Flags.Contains("interval");
        _result.Add(new IpSet
        {
            Source = set.Source, Node = set.Node, Name = set.Name, Type = net ? "hash:net" : "hash:ip", Method = IpSetMethod.Hash,
            Dimensions = [net ? IpSetDimension.Net : IpSetDimension.Ip], Family = _family, NumberOfEntries = elements.Count,
        });
        foreach (var element in elements)
            _result.Add(new IpSetMember { Source = element.Source, Node = element.Node, Set = set.Name, Entry = element.Key, Cidr = element.Cidr });
    }

    private static bool Split(string nftChain, out string table, out string chain)
    {
        int dash = nftChain.IndexOf('-');
        table = dash > 0 ? nftChain[..dash] : "";
        chain = dash > 0 ? nftChain[(dash + 1)..] : "";
        return dash > 0 && Layers.Contains(table) && chain.Length > 0;
    }

    private static IptablesMatch? Match(string statement)
    {
        var w = statement.Split(' ');
        bool negated = w.Length > 2 && w[2] == "!=";
        string value = negated ? string.Join(' ', w.Skip(3)) : string.Join(' ', w.Skip(2));
        switch (w[0])
        {
            case "ip" or "ip6" when w.Length > 2 && w[1] is "saddr" or "daddr":
                var direction = w[1] == "saddr" ? Direction.Source : Direction.Destination;
                if (value.StartsWith('@')) return new SetMatch(value[1..], [direction]) { Negated = negated, Text = statement };
                if (!value.Contains(' ') && Cidr.TryParse(value, out var cidr)) return new AddressMatch(direction, cidr) { Negated = negated, Text = statement };
                break;
            case "iifname" or "oifname" when w.Length > 1:
                var name = NftRuleReader.Unquote(negated ? value : string.Join(' ', w.Skip(1)));
                return new InterfaceMatch(w[0] == "iifname", name.EndsWith('*') ? name[..^1] + "+" : name) { Negated = negated, Text = statement };
            case "meta" when w.Length > 2 && w[1] == "l4proto":
            case "ip" when w.Length > 2 && w[1] == "protocol":
                return new ProtocolMatch(negated ? value : w[2]) { Negated = negated, Text = statement };
            case "tcp" or "udp" or "sctp" when w.Length > 2 && w[1] is "dport" or "sport" &&
                int.TryParse(negated ? value : w[2], NumberStyles.None, CultureInfo.InvariantCulture, out var port):
                return new PortMatch(w[0], w[1] == "dport" ? Direction.Destination : Direction.Source, new PortRange(port, port)) { Negated = negated, Text = statement };
            case "ct" when w.Length > 2 && w[1] == "state":
                return new ConntrackMatch("conntrack", value.Split(',').Select(s => s.Trim().ToUpperInvariant()).ToList()) { Negated = negated, Text = statement };
            case "meta" when w.Length == 6 && w[1] == "mark" && w[2] == "&" && w[4] is "==" or "!=" && Hex(w[3]) is { } mask && Hex(w[5]) is { } mark:
                return new MarkMatch(mark, mask) { Negated = w[4] == "!=", Text = statement };
            case "fib" when statement.StartsWith("fib daddr type ", StringComparison.Ordinal):
                return new AddrTypeMatch { DestinationType = AddrType(value.Replace("type ", "", StringComparison.Ordinal)), Text = statement };
            case "counter" or "accept" or "drop" or "reject" or "return" or "jump" or "goto" or "masquerade" or "snat" or "dnat" or "log" or "queue" or "continue":
                return null;
            case "meta" or "mark" when statement.Contains(" set ", StringComparison.Ordinal):
                return null;
        }
        return new RawMatch(null) { Negated = negated, Text = statement };
    }

    private static IptablesTarget Target(NftRule rule)
    {
        string? Strip(string? chain) => chain is not null && Split(chain, out _, out var name) ? name : chain;
        var nat = rule.Statements.FirstOrDefault(s => s.StartsWith(rule.Nat + " ", StringComparison.Ordinal) || s == rule.Nat) ?? "";
        return (rule.Verdict, rule.Nat) switch
        {
            ("jump", _) => new IptablesTarget { Kind = TargetKind.Jump, Name = Strip(rule.Target) ?? "", Text = "jump " + rule.Target },
            ("goto", _) => new IptablesTarget { Kind = TargetKind.Goto, Name = Strip(rule.Target) ?? "", Text = "goto " + rule.Target },
            ("accept", _) => new IptablesTarget { Kind = TargetKind.Accept, Name = "ACCEPT", Text = "accept" },
            ("drop", _) => new IptablesTarget { Kind = TargetKind.Drop, Name = "DROP", Text = "drop" },
            ("reject", _) => new IptablesTarget { Kind = TargetKind.Reject, Name = "REJECT", Text = "reject" },
            ("return", _) => new IptablesTarget { Kind = TargetKind.Return, Name = "RETURN", Text = "return" },
            (_, "masquerade") => new IptablesTarget { Kind = TargetKind.Masquerade, Name = "MASQUERADE", Text = nat, RandomFully = nat.Contains("fully-random", StringComparison.Ordinal) },
            (_, "snat") => new IptablesTarget { Kind = TargetKind.Snat, Name = "SNAT", Text = nat, ToSource = After(nat, " to ") },
            (_, "dnat") => new IptablesTarget { Kind = TargetKind.Dnat, Name = "DNAT", Text = nat, ToDestination = After(nat, " to ") },
            _ when rule.Statements.FirstOrDefault(s => s.Contains("mark set", StringComparison.Ordinal)) is { } mark =>
                new IptablesTarget { Kind = TargetKind.Mark, Name = "MARK", Text = mark },
            _ => IptablesTarget.NoTarget,
        };
    }

    private static string? After(string text, string marker)
    {
        int at = text.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? null : text[(at + marker.Length)..].Split(' ')[0];
    }

    private static uint? Hex(string text) =>
        text.StartsWith("0x", StringComparison.Ordinal) && uint.TryParse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static AddressType? AddrType(string text) => text.Trim() switch
    {
        "local" => AddressType.Local, "unicast" => AddressType.Unicast, "broadcast" => AddressType.Broadcast,
        "multicast" => AddressType.Multicast, "anycast" => AddressType.Anycast, _ => null,
    };
}
