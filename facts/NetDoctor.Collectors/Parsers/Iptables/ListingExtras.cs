using System.Globalization;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Iptables;

/// <summary>
/// Reads the free-text tail of an `iptables -L -n -v` rule line ("/* comment */ match-set X src tcp dpt:443
/// to:10.0.0.1:80 ..."), which is how iptables prints matches and target options in listings.
/// What it recognises becomes typed matches / target fields; everything else is kept as one raw match.
/// </summary>
internal static class ListingExtras
{
    public static void Read(string text, int start, List<IptablesMatch> matches, ref IptablesTarget target, StringPool pool)
    {
        var rest = text.AsSpan(start).Trim();
        var raw = new List<string>();
        while (!rest.IsEmpty)
        {
            if (rest.StartsWith("/*"))
            {
                int end = rest.IndexOf("*/");
                // A pasted listing may lose the closing "/" ("/* cali:yVw1jR_AsGFo9Rpe *").
                var comment = (end < 0 ? rest[2..].TrimEnd('*') : rest[2..end]).Trim();
                matches.Add(new CommentMatch(pool.Get(comment)) { Text = (end < 0 ? rest : rest[..(end + 2)]).ToString() });
                rest = end < 0 ? default : rest[(end + 2)..].TrimStart();
                continue;
            }
            var w = new Words(rest);
            var word = w.NextOrEmpty();
            bool negated = false;
            if (word is "!")
            {
                negated = true;
                word = w.NextOrEmpty();
            }
            var consumedFrom = rest;
            bool ok = true;
            switch (word)
            {
                case "match-set":
                {
                    var name = w.NextOrEmpty();
                    var dirs = w.NextOrEmpty();
                    var list = new List<Direction>();
                    foreach (var r in dirs.Split(','))
                        list.Add(dirs[r] is "src" ? Direction.Source : Direction.Destination);
                    matches.Add(new SetMatch(pool.Get(name), list) { Negated = negated, Text = Consumed(consumedFrom, w) });
                    break;
                }
                case "mark" when w.Rest.StartsWith("match"):
                {
                    w.NextOrEmpty();
                    var v = w.NextOrEmpty();
                    if (v is "!") { negated = true; v = w.NextOrEmpty(); }
                    ok = Numbers.TryParseMark(v, out var value, out var mask);
                    if (ok) matches.Add(new MarkMatch(value, mask) { Negated = negated, Text = Consumed(consumedFrom, w) });
                    break;
                }
                case "ADDRTYPE" when w.Rest.StartsWith("match"):
                {
                    w.NextOrEmpty();
                    var m = new AddrTypeMatch { Text = "" };
                    while (true)
                    {
                        var save = w;
                        var k = w.NextOrEmpty();
                        bool neg = false;
                        if (k is "!") { neg = true; k = w.NextOrEmpty(); }
                        if (k is "src-type" && MatchBuilder.TryAddressType(w.NextOrEmpty(), out var st))
                            {
                                m = m with { SourceType = st, SourceNegated = neg };
                            }
                            else if (k is "dst-type" && MatchBuilder.TryAddressType(w.NextOrEmpty(), out var dt))
                            {
                                m = m with { DestinationType = dt, DestinationNegated = neg };
                            }
                            else if (k is "limit-in")
                            {
                                m = m with { LimitIfaceIn = true };
                            }
                            else if (k is "limit-out")
                            {
                                m = m with { LimitIfaceOut = true };
                            }
                            else { w = save; break; }
                    }
                    matches.Add(m with { Text = Consumed(consumedFrom, w) });
                    break;
                }
                case "tcp" or "udp" or "sctp":
                {
                    // "tcp dpt:443", "udp spts:1000:2000", "tcp flags:0x17/0x02" (flags stay raw)
                    var module = pool.Get(word);
                    while (true)
                    {
                        var save = w;
                        var p = w.NextOrEmpty();
                        int colon = p.IndexOf(':');
                        if (colon < 0) { w = save; break; }
                        var key = p[..colon];
                        Direction? dir = key is "dpt" or "dpts" ? Direction.Destination : key is "spt" or "spts" ? Direction.Source : null;
                        if (dir is null)
                        {
                            // Not a port ("to:10.0.0.1:80", "flags:0x17/0x02"): leave it to the general reader.
                            w = save;
                            break;
                        }
                        if (!Numbers.TryParsePortRange(p[(colon + 1)..], out var range))
                        {
                            raw.Add($"{module} {p}");
                            continue;
                        }
                        matches.Add(new PortMatch(module, dir.Value, range) { Text = $"{module} {p}" });
                    }
                    break;
                }
                case "multiport":
                {
                    var kind = w.NextOrEmpty();
                    var ports = w.NextOrEmpty();
                    Direction dir = kind is "dports" ? Direction.Destination : kind is "sports" ? Direction.Source : Direction.Either;
                    var list = new List<PortRange>();
                    foreach (var r in ports.Split(','))
                        {
                            if (Numbers.TryParsePortRange(ports[r], out var pr)) list.Add(pr);
                        else ok = false;
                        }

                        if (ok) matches.Add(new MultiportMatch(dir, list) { Negated = negated, Text = Consumed(consumedFrom, w) });
                    break;
                }
                case "ctstate" or "state":
                {
                    var states = w.NextOrEmpty();
                    var list = new List<string>();
                    foreach (var r in states.Split(',')) list.Add(pool.Get(states[r]));
                    matches.Add(new ConntrackMatch(word is "ctstate" ? "conntrack" : "state", list) { Negated = negated, Text = Consumed(consumedFrom, w) });
                    break;
                }
                case "statistic":
                {
                    w.NextOrEmpty(); // "mode"
                    var mode = w.NextOrEmpty();
                    var m = new StatisticMatch(mode is "nth" ? StatisticMode.Nth : StatisticMode.Random) { Text = "" };
                    while (true)
                    {
                        var save = w;
                        var k = w.NextOrEmpty();
                        var v = w.NextOrEmpty();
                        if (k is "probability" && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var pr))
                            {
                                m = m with { Probability = pr };
                            }
                            else if (k is "every" && Numbers.TryParseInt(v, out var ev))
                            {
                                m = m with { Every = ev };
                            }
                            else if (k is "packet" && Numbers.TryParseInt(v, out var pk))
                            {
                                m = m with { Packet = pk };
                            }
                            else { w = save; break; }
                    }
                    matches.Add(m with { Text = Consumed(consumedFrom, w) });
                    break;
                }
                case "[goto]":
                    if (target.Kind == TargetKind.Jump) target = target with { Kind = TargetKind.Goto };
                    break;
                case "to:" or "to":
                    ok = false;
                    break;
                case "MARK" when target.Kind == TargetKind.Mark:
                {
                    MarkOperation? op = w.NextOrEmpty() switch
                    {
                        "xset" => MarkOperation.SetXMark,
                        "set" => MarkOperation.SetMark,
                        "or" => MarkOperation.Or,
                        "and" => MarkOperation.And,
                        "xor" => MarkOperation.Xor,
                        _ => null,
                    };
                    if (op is not null && Numbers.TryParseMark(w.NextOrEmpty(), out var mv, out var mm))
                        target = target with { MarkOperation = op, MarkValue = mv, MarkMask = mm };
                    else ok = false;
                    break;
                }
                case "LOG" when target.Kind == TargetKind.Log:
                {
                    // "LOG flags 0 level 4 prefix "nd syn: "": the prefix is the quoted tail.
                    var tail = w.Rest;
                    int q = tail.IndexOf("prefix \"");
                    if (q >= 0)
                    {
                        var p = tail[(q + 8)..];
                        int close = p.IndexOf('"');
                        target = target with { LogPrefix = (close < 0 ? p : p[..close]).ToString() };
                        w = new Words(close < 0 ? default : p[(close + 1)..]);
                    }
                    else
                        {
                            w = new Words(default);
                        }

                        break;
                }
                case "random-fully":
                    target = target with { RandomFully = true };
                    break;
                case "reject-with":
                    target = target with { RejectWith = w.NextOrEmpty().ToString() };
                    break;
                default:
                    if (word.StartsWith("to:"))
                    {
                        var dest = word[3..].ToString();
                        target = target.Kind == TargetKind.Snat ? target with { ToSource = dest } : target with { ToDestination = dest };
                    }
                    else if (word is "masq" && w.Rest.StartsWith("ports:"))
                    {
                        w.NextOrEmpty();
                        target = target with { ToPorts = w.NextOrEmpty().ToString() };
                    }
                    else
                    {
                        ok = false;
                    }

                    break;
            }
            if (!ok)
            {
                // Not understood: keep this word verbatim and go on with the next one.
                raw.Add((negated ? "! " : "") + word.ToString());
            }
            rest = w.Rest;
        }
        if (raw.Count > 0) matches.Add(new RawMatch(null) { Text = string.Join(' ', raw) });
    }

    private static string Consumed(ReadOnlySpan<char> from, Words after) =>
        from[..(from.Length - after.Rest.Length)].Trim().ToString();
}
