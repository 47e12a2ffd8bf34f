using System.Globalization;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Iptables;

/// <summary>
/// Turns the options of one "-m MODULE" group into typed matches. Options it does not model — of a known
/// module or of an unknown one — become <see cref="RawMatch"/>es with their text, so nothing is dropped.
/// </summary>
internal sealed class MatchBuilder(StringPool pool)
{
    private readonly List<string> _states = new(4);

    public void Build(string text, string module, int moduleStart, List<RuleToken> t, List<ModuleOption> options,
        List<IptablesMatch> into, ParseResult problems, Source at)
    {
        if (options.Count == 0)
        {
            into.Add(new ModuleMatch(module) { Text = ModuleText(module) });
            return;
        }
        switch (module)
        {
            case "set":
                Sets(text, module, t, options, into, problems, at);
                break;
            case "mark":
                foreach (var o in options)
                {
                    if (o.Name == "--mark" && o.ValueCount == 1 && Numbers.TryParseMark(t[o.FirstValue].Span(text), out var v, out var m))
                        into.Add(new MarkMatch(v, m) { Negated = o.Negated, Text = Slice(text, o) });
                    else
                        Raw(text, module, o, into, problems, at);
                }
                break;
            case "addrtype":
                AddrType(text, module, t, options, into, problems, at);
                break;
            case "comment":
                foreach (var o in options)
                {
                    if (o.Name == "--comment" && o.ValueCount >= 1)
                        // Not pooled: comments are mostly unique (kube-proxy writes one per endpoint); repeats come from the group cache.
                        into.Add(new CommentMatch(o.ValueCount == 1 ? t[o.FirstValue].Value(text).ToString() : JoinValues(text, t, o)) { Text = Slice(text, o) });
                    else
                        Raw(text, module, o, into, problems, at);
                }
                break;
            case "conntrack" or "state":
                Conntrack(text, module, t, options, into, problems, at);
                break;
            case "multiport":
                foreach (var o in options)
                {
                    Direction? dir = o.Name switch
                    {
                        "--dports" or "--destination-ports" or "--dport" => Direction.Destination,
                        "--sports" or "--source-ports" or "--sport" => Direction.Source,
                        "--ports" => Direction.Either,
                        _ => null,
                    };
                    if (dir is { } d && o.ValueCount == 1 && TryPortList(t[o.FirstValue].Span(text), out var ports))
                        into.Add(new MultiportMatch(d, ports) { Negated = o.Negated, Text = Slice(text, o) });
                    else
                        Raw(text, module, o, into, problems, at);
                }
                break;
            case "statistic":
                Statistic(text, module, t, options, into, problems, at);
                break;
            case "tcp" or "udp" or "sctp" or "udplite":
                foreach (var o in options)
                {
                    Direction? dir = o.Name switch
                    {
                        "--dport" or "--destination-port" => Direction.Destination,
                        "--sport" or "--source-port" => Direction.Source,
                        _ => null,
                    };
                    if (dir is { } d && o.ValueCount == 1 && Numbers.TryParsePortRange(t[o.FirstValue].Span(text), out var range))
                        into.Add(new PortMatch(module, d, range) { Negated = o.Negated, Text = Slice(text, o) });
                    else
                        into.Add(new RawMatch(module) { Negated = o.Negated, Text = "-m " + module + " " + Slice(text, o) });
                }
                break;
            default:
                // A module this parser does not model: the whole group verbatim.
                int end = options[^1].TextEnd;
                into.Add(new RawMatch(module) { Text = text[moduleStart..end] });
                break;
        }
    }

    private void Sets(string text, string module, List<RuleToken> t, List<ModuleOption> options, List<IptablesMatch> into, ParseResult problems, Source at)
    {
        int last = -1;
        List<string>? extra = null;
        foreach (var o in options)
        {
            if (o.Name is "--match-set" or "--set" && o.ValueCount >= 2 && TryDirections(t[o.FirstValue + 1].Span(text), out var dirs))
            {
                AttachExtra(into, last, ref extra);
                into.Add(new SetMatch(pool.Get(t[o.FirstValue].Value(text)), dirs) { Negated = o.Negated, Text = Slice(text, o) });
                last = into.Count - 1;
            }
            else if (last >= 0 && o.Name is not ("--match-set" or "--set"))
            {
                (extra ??= []).Add(Slice(text, o));
            }
            else
            {
                Raw(text, module, o, into, problems, at);
            }
        }
        AttachExtra(into, last, ref extra);
    }

    /// <summary>Options such as --return-nomatch or ! --update-counters belong to the set match before them.</summary>
    private static void AttachExtra(List<IptablesMatch> into, int index, ref List<string>? extra)
    {
        if (index >= 0 && extra is not null) into[index] = ((SetMatch)into[index]) with { Options = extra };
        extra = null;
    }

    private void AddrType(string text, string module, List<RuleToken> t, List<ModuleOption> options, List<IptablesMatch> into, ParseResult problems, Source at)
    {
        AddrTypeMatch? m = null;
        int start = -1, end = 0;
        foreach (var o in options)
        {
            var cur = m ?? new AddrTypeMatch { Text = "" };
            bool ok = true;
            switch (o.Name)
            {
                case "--src-type" when o.ValueCount == 1 && TryAddressType(t[o.FirstValue].Span(text), out var st):
                    cur = cur with { SourceType = st, SourceNegated = o.Negated };
                    break;
                case "--dst-type" when o.ValueCount == 1 && TryAddressType(t[o.FirstValue].Span(text), out var dt):
                    cur = cur with { DestinationType = dt, DestinationNegated = o.Negated };
                    break;
                case "--limit-iface-in" when o.ValueCount == 0:
                    cur = cur with { LimitIfaceIn = true };
                    break;
                case "--limit-iface-out" when o.ValueCount == 0:
                    cur = cur with { LimitIfaceOut = true };
                    break;
                default:
                    ok = false;
                    Raw(text, module, o, into, problems, at);
                    break;
            }
            if (!ok) continue;
            m = cur;
            if (start < 0) start = o.TextStart;
            end = o.TextEnd;
        }
        if (m is not null) into.Add(m with { Text = text[start..end] });
    }

    private void Conntrack(string text, string module, List<RuleToken> t, List<ModuleOption> options, List<IptablesMatch> into, ParseResult problems, Source at)
    {
        ConntrackMatch? m = null;
        List<string>? extra = null;
        foreach (var o in options)
        {
            if (o.Name is "--ctstate" or "--state" && o.ValueCount == 1)
            {
                _states.Clear();
                foreach (var range in t[o.FirstValue].Span(text).Split(','))
                {
                    var s = t[o.FirstValue].Span(text)[range];
                    if (!s.IsEmpty) _states.Add(pool.Get(s.ToString().ToUpperInvariant()));
                }
                m = new ConntrackMatch(module, _states.ToArray()) { Negated = o.Negated, Text = Slice(text, o) };
            }
            else
            {
                (extra ??= []).Add(Slice(text, o));
            }
        }
        if (m is not null) into.Add(extra is null ? m : m with { Options = extra });
        else if (extra is not null)
            foreach (var o in options) Raw(text, module, o, into, problems, at);
    }

    private void Statistic(string text, string module, List<RuleToken> t, List<ModuleOption> options, List<IptablesMatch> into, ParseResult problems, Source at)
    {
        StatisticMode? mode = null;
        double? probability = null;
        int? every = null, packet = null;
        bool negated = false, bad = false;
        foreach (var o in options)
        {
            var v = o.ValueCount == 1 ? t[o.FirstValue].Span(text) : default;
            negated |= o.Negated;
            switch (o.Name)
            {
                case "--mode" when v is "random":
                    mode = StatisticMode.Random;
                    break;
                case "--mode" when v is "nth":
                    mode = StatisticMode.Nth;
                    break;
                case "--probability" when double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var p):
                    probability = p;
                    break;
                case "--every" when Numbers.TryParseInt(v, out var e):
                    every = e;
                    break;
                case "--packet" when Numbers.TryParseInt(v, out var k):
                    packet = k;
                    break;
                default:
                    bad = true;
                    break;
            }
        }
        if (mode is null || bad)
        {
            problems.Problem(at, "statistic match not understood; kept verbatim");
            into.Add(new RawMatch(module) { Text = "-m statistic " + text[options[0].TextStart..options[^1].TextEnd] });
            return;
        }
        into.Add(new StatisticMatch(mode.Value)
        {
            Probability = probability,
            Every = every,
            Packet = packet,
            Negated = negated,
            Text = pool.Get(text.AsSpan(options[0].TextStart, options[^1].TextEnd - options[0].TextStart)),
        });
    }

    private void Raw(string text, string module, ModuleOption o, List<IptablesMatch> into, ParseResult problems, Source at)
    {
        problems.Problem(at, $"-m {Snippet.Of(module)}: option {Snippet.Of(o.Name)} not understood; kept verbatim");
        into.Add(new RawMatch(module) { Negated = o.Negated, Text = "-m " + module + " " + Slice(text, o) });
    }

    private static string Slice(string text, ModuleOption o) => text.Substring(o.TextStart, o.TextEnd - o.TextStart);

    private readonly Dictionary<string, string> _moduleTexts = new(StringComparer.Ordinal);

    private string ModuleText(string module)
    {
        if (!_moduleTexts.TryGetValue(module, out var s)) _moduleTexts[module] = s = "-m " + module;
        return s;
    }

    private static string JoinValues(string text, List<RuleToken> t, ModuleOption o)
    {
        if (o.ValueCount == 1) return t[o.FirstValue].Value(text).ToString();
        // An unquoted comment with blanks (hand-typed): keep all its words.
        var parts = new string[o.ValueCount];
        for (int k = 0; k < o.ValueCount; k++) parts[k] = t[o.FirstValue + k].Value(text).ToString();
        return string.Join(' ', parts);
    }

    private readonly Dictionary<string, IReadOnlyList<Direction>> _dirCache = new(StringComparer.Ordinal);

    private bool TryDirections(ReadOnlySpan<char> text, out IReadOnlyList<Direction> dirs)
    {
        var lookup = _dirCache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out dirs!)) return true;
        if (!ParseDirections(text, out dirs)) return false;
        if (text.Length <= 32) _dirCache[text.ToString()] = dirs;
        return true;
    }

    private static bool ParseDirections(ReadOnlySpan<char> text, out IReadOnlyList<Direction> dirs)
    {
        var list = new List<Direction>(3);
        foreach (var range in text.Split(','))
        {
            var w = text[range];
            if (w is "src")
            {
                list.Add(Direction.Source);
            }
            else if (w is "dst")
            {
                list.Add(Direction.Destination);
            }
            else { dirs = []; return false; }
        }
        dirs = list;
        return list.Count > 0;
    }

    private static bool TryPortList(ReadOnlySpan<char> text, out IReadOnlyList<PortRange> ports)
    {
        var list = new List<PortRange>();
        foreach (var range in text.Split(','))
        {
            if (!Numbers.TryParsePortRange(text[range], out var r)) { ports = []; return false; }
            list.Add(r);
        }
        ports = list;
        return list.Count > 0;
    }

    /// <summary>Address type names, case-insensitively: hand-typed rules write "LOcAL".</summary>
    internal static bool TryAddressType(ReadOnlySpan<char> text, out AddressType type)
    {
        if (text.Length > 16 || text.Contains(',')) { type = default; return false; }
        Span<char> upper = stackalloc char[text.Length];
        text.ToUpperInvariant(upper);
        switch (upper)
        {
            case "UNSPEC": type = AddressType.Unspec; return true;
            case "UNICAST": type = AddressType.Unicast; return true;
            case "LOCAL": type = AddressType.Local; return true;
            case "BROADCAST": type = AddressType.Broadcast; return true;
            case "ANYCAST": type = AddressType.Anycast; return true;
            case "MULTICAST": type = AddressType.Multicast; return true;
            case "BLACKHOLE": type = AddressType.Blackhole; return true;
            case "UNREACHABLE": type = AddressType.Unreachable; return true;
            case "PROHIBIT": type = AddressType.Prohibit; return true;
            case "THROW": type = AddressType.Throw; return true;
            case "NAT": type = AddressType.Nat; return true;
            case "XRESOLVE": type = AddressType.XResolve; return true;
            default: type = default; return false;
        }
    }
}
