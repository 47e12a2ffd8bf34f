using System.Globalization;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Ip;

/// <summary>`ip rule` text: "PRIO:\t[not] from X [to Y] [fwmark M/K] [iif I] [oif O] ... lookup T | goto N | blackhole ...".</summary>
public sealed class IpRuleParser : IFormatParser
{
    public string Kind => "ip-rule";

    public int Sniff(string fileName, string head)
    {
        if (Path.GetFileName(fileName) is "ip-rule.txt" or "ipv4_rule") return 100;
        int rules = 0, lines = 0;
        TextLines.ForEach(head, (_, l) =>
        {
            if (l.IsWhiteSpace()) return;
            lines++;
            int colon = l.IndexOf(':');
            if (colon > 0 && int.TryParse(l[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out _) && l.Contains("from ", StringComparison.Ordinal)) rules++;
        });
        return lines > 0 && rules == lines ? 90 : 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        var pool = new StringPool();
        TextLines.ForEach(input.Text, (n, raw) =>
        {
            var line = raw.Trim();
            if (line.IsEmpty) return;
            var at = input.At(n);
            int colon = line.IndexOf(':');
            if (colon <= 0 || !int.TryParse(line[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var prio))
            {
                result.Problem(at, $"not an ip rule line: '{Snippet.Of(line)}'");
                return;
            }
            var rule = new RoutingRule { Priority = prio, Node = input.Node, Source = at };
            Dictionary<string, string>? options = null;
            bool ok = true;
            var w = new Words(line[(colon + 1)..]);
            while (w.Next(out var key))
            {
                switch (key)
                {
                    case "not":
                        rule = rule with { Not = true };
                        break;
                    case "from" or "to":
                    {
                        var v = w.NextOrEmpty();
                        Cidr? c = null;
                        if (v is not "all")
                        {
                            if (Cidr.TryParse(v, out var parsed))
                                {
                                    c = parsed;
                                }
                                else { ok = false; result.Problem(at, $"bad rule selector '{key} {Snippet.Of(v)}'"); }
                        }
                        rule = key is "from" ? rule with { From = c } : rule with { To = c };
                        break;
                    }
                    case "fwmark":
                    {
                        var v = w.NextOrEmpty();
                        int slash = v.IndexOf('/');
                        if (Hex(slash < 0 ? v : v[..slash]) is { } mark)
                            {
                                rule = rule with { FwMark = mark, FwMask = slash < 0 ? null : Hex(v[(slash + 1)..]) };
                            }
                            else { ok = false; result.Problem(at, $"bad fwmark '{Snippet.Of(v)}'"); }
                        break;
                    }
                    case "iif":
                        rule = rule with { InputInterface = pool.Get(w.NextOrEmpty()) };
                        break;
                    case "oif":
                        rule = rule with { OutputInterface = pool.Get(w.NextOrEmpty()) };
                        break;
                    case "lookup" or "table":
                        rule = rule with { Action = RoutingRuleAction.Lookup, Table = RouteTables.Normalise(pool.Get(w.NextOrEmpty())) };
                        break;
                    case "goto":
                    {
                        var v = w.NextOrEmpty();
                        rule = rule with { Action = RoutingRuleAction.Goto, GotoPriority = int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : null };
                        break;
                    }
                    case "blackhole":
                        rule = rule with { Action = RoutingRuleAction.Blackhole };
                        break;
                    case "unreachable":
                        rule = rule with { Action = RoutingRuleAction.Unreachable };
                        break;
                    case "prohibit":
                        rule = rule with { Action = RoutingRuleAction.Prohibit };
                        break;
                    case "nop":
                        rule = rule with { Action = RoutingRuleAction.Nop };
                        break;
                    case "l3mdev" or "[detached]" or "[oif" or "[iif":
                        (options ??= new(StringComparer.Ordinal))[key.ToString()] = "";
                        break;
                    default:
                        // tos, ipproto, sport, dport, uidrange, suppress_prefixlength, realms, protocol...: "key value"
                        (options ??= new(StringComparer.Ordinal))[pool.Get(key)] = w.NextOrEmpty().ToString();
                        break;
                }
            }
            if (!ok) return;
            result.Add(options is null ? rule : rule with { Options = options });
        });
        return result;
    }

    private static uint? Hex(ReadOnlySpan<char> v)
    {
        if (v.StartsWith("0x") && uint.TryParse(v[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h)) return h;
        return uint.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null;
    }
}
