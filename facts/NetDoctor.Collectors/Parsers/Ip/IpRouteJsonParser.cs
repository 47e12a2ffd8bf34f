using System.Net;
using System.Text.Json;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Ip;

/// <summary>`ip -j route [show table all]`: an array of route objects (dst, gateway, dev, protocol, scope, prefsrc, metric, table, type, flags, nexthops).</summary>
public sealed class IpRouteJsonParser : IFormatParser
{
    public string Kind => "ip-route-json";

    public int Sniff(string fileName, string head)
    {
        if (Path.GetFileName(fileName) is "ip-route.json") return 100;
        var h = head.TrimStart();
        return h.StartsWith('[') && h.Contains("\"dst\"", StringComparison.Ordinal) && !h.Contains("\"priority\"", StringComparison.Ordinal) ? 90 : 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        JsonArrayReader.Read(input, result, (e, line) =>
        {
            var at = input.At(line);
            var dst = e.Str("dst");
            var gateway = Address(e.Str("gateway"), "gateway", result, at);
            var src = Address(e.Str("prefsrc"), "prefsrc", result, at);
            Cidr destination;
            if (dst is "default")
            {
                destination = new Cidr(gateway?.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || src?.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
            }
            else if (!Cidr.TryParse(dst, out destination))
            {
                result.Problem(at, $"route without a readable \"dst\" ('{Snippet.Of(dst)}')");
                return;
            }
            var type = RouteType.Unicast;
            if (e.Str("type") is { } ts && !RouteTypeNames.TryParse(ts, out type))
                result.Problem(at, $"unknown route type '{Snippet.Of(ts)}'");
            var table = RouteTables.Normalise(e.Str("table") ?? Route.MainTable);
            var proto = e.Str("protocol");
            var flags = e.Strings("flags");
            var hops = new List<NextHop>();
            if (e.TryGetProperty("nexthops", out var nh) && nh.ValueKind == JsonValueKind.Array)
            {
                foreach (var h in nh.EnumerateArray())
                {
                    if (h.ValueKind != JsonValueKind.Object) continue;
                    var hf = h.Strings("flags");
                    hops.Add(new NextHop(Address(h.Str("gateway"), "nexthop gateway", result, at), h.Str("dev"), h.Int("weight") ?? 1, hf.Contains("onlink"), hf.Where(f => f != "onlink").ToList()));
                }
            }

            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in e.EnumerateObject())
            {
                if (!Known.Contains(p.Name) && p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                    options[p.Name] = p.Value.ToString();
            }

            result.Add(new Route
            {
                Table = table,
                TableId = RouteTables.IdOf(table),
                Type = type,
                Destination = destination,
                Gateway = gateway,
                Device = e.Str("dev"),
                Protocol = proto is null ? RouteProtocol.Unspecified : RouteProtocolNames.Parse(proto),
                ProtocolName = proto,
                Scope = e.Str("scope") is { } s ? ScopeNames.Parse(s) : type == RouteType.Local ? Scope.Host : Scope.Global,
                PreferredSource = src,
                Metric = e.Int("metric"),
                OnLink = flags.Contains("onlink"),
                NextHops = hops,
                Flags = flags.Where(f => f != "onlink").ToList(),
                Options = options,
                Node = input.Node,
                Source = at,
            });
        });
        return result;
    }

    private static readonly HashSet<string> Known =
        ["dst", "gateway", "prefsrc", "type", "table", "protocol", "flags", "nexthops", "dev", "scope", "metric"];

    private static IPAddress? Address(string? text, string what, ParseResult result, Source at)
    {
        if (text is null) return null;
        if (IPAddress.TryParse(text, out var a)) return a;
        result.Problem(at, $"bad {what} '{Snippet.Of(text)}'");
        return null;
    }
}
