using System.Globalization;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Ip;

/// <summary>`ip -j rule`: {"priority":1000,"src":"all","fwmark":"0x4000","fwmask":"0x4000","table":"100"} objects.</summary>
public sealed class IpRuleJsonParser : IFormatParser
{
    public string Kind => "ip-rule-json";

    public int Sniff(string fileName, string head)
    {
        if (Path.GetFileName(fileName) is "ip-rule.json") return 100;
        var h = head.TrimStart();
        return h.StartsWith('[') && h.Contains("\"priority\"", StringComparison.Ordinal) && h.Contains("\"src\"", StringComparison.Ordinal) ? 90 : 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        JsonArrayReader.Read(input, result, (e, line) =>
        {
            var at = input.At(line);
            if (e.Int("priority") is not { } prio)
            {
                result.Problem(at, "rule without a \"priority\"");
                return;
            }
            var action = e.Str("action") switch
            {
                "goto" => RoutingRuleAction.Goto,
                "nop" => RoutingRuleAction.Nop,
                "blackhole" => RoutingRuleAction.Blackhole,
                "unreachable" => RoutingRuleAction.Unreachable,
                "prohibit" => RoutingRuleAction.Prohibit,
                _ => RoutingRuleAction.Lookup,
            };
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in e.EnumerateObject())
            {
                if (!Known.Contains(p.Name) && p.Value.ValueKind is System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Number)
                    options[p.Name] = p.Value.ToString();
            }

            var table = e.Str("table");
            result.Add(new RoutingRule
            {
                Priority = prio,
                Not = e.Has("not"),
                From = Selector(e, "src", "srclen", result, at),
                To = Selector(e, "dst", "dstlen", result, at),
                FwMark = Hex(e.Str("fwmark")),
                FwMask = Hex(e.Str("fwmask")),
                InputInterface = e.Str("iif"),
                OutputInterface = e.Str("oif"),
                Action = action,
                Table = table is null ? null : RouteTables.Normalise(table),
                GotoPriority = e.Int("target"),
                Options = options,
                Node = input.Node,
                Source = at,
            });
        });
        return result;
    }

    private static readonly HashSet<string> Known =
        ["priority", "not", "src", "srclen", "dst", "dstlen", "fwmark", "fwmask", "iif", "oif", "action", "table", "target"];

    private static Cidr? Selector(System.Text.Json.JsonElement e, string name, string lenName, ParseResult result, NetDoctor.Facts.Source at)
    {
        var v = e.Str(name);
        if (v is null or "all") return null;
        var text = e.Int(lenName) is { } len ? $"{v}/{len}" : v;
        if (Cidr.TryParse(text, out var c)) return c;
        result.Problem(at, $"bad rule selector {name} '{Snippet.Of(text)}'");
        return null;
    }

    private static uint? Hex(string? v)
    {
        if (v is null) return null;
        if (v.StartsWith("0x", StringComparison.Ordinal) && uint.TryParse(v.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var h)) return h;
        return uint.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null;
    }
}
