using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Ip;

/// <summary>
/// `ip route` / `ip -4 route` / `ip route show table all` text. A multipath route's indented
/// "nexthop ..." lines are folded into the route above them (which keeps that line as its Source).
/// </summary>
public sealed class IpRouteParser : IFormatParser
{
    public string Kind => "ip-route";

    public int Sniff(string fileName, string head)
    {
        if (Path.GetFileName(fileName) is "ip-route.txt" or "ipv4_route" or "ipv6_route") return 100;
        int routes = 0, lines = 0;
        TextLines.ForEach(head, (_, l) =>
        {
            if (l.IsWhiteSpace()) return;
            lines++;
            var t = l.Trim();
            if (t.StartsWith("default via ") || t.Contains(" dev ", StringComparison.Ordinal) && (t.Contains(" proto ", StringComparison.Ordinal) || t.Contains(" scope ", StringComparison.Ordinal) || t.Contains(" via ", StringComparison.Ordinal))
                || t.StartsWith("blackhole ") || t.StartsWith("nexthop via "))
            {
                routes++;
            }
        });
        return lines > 0 && routes * 2 >= lines ? 85 : 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        var pool = new StringPool();
        Route? pending = null;
        List<NextHop>? hops = null;

        void Flush()
        {
            if (pending is null) return;
            result.Add(hops is null ? pending : pending with { NextHops = hops });
            pending = null;
            hops = null;
        }

        TextLines.ForEach(input.Text, (n, raw) =>
        {
            var line = raw.Trim();
            if (line.IsEmpty) return;
            if (line.StartsWith("nexthop"))
            {
                var hop = RouteWords.ReadNextHop(line, pool, result, input.At(n));
                if (pending is null || hop is null)
                    result.Problem(input.At(n), "nexthop line without a route above it");
                else
                    (hops ??= []).Add(hop);
                return;
            }
            Flush();
            if (line[0] == '#') return;
            var route = RouteWords.Read(line, pool, result, input.At(n), input.Node);
            // A line whose destination is unreadable is not a route: report it (done above) and skip it.
            if (route.Destination.Address is null) return;
            pending = route;
        });
        Flush();
        return result;
    }
}
