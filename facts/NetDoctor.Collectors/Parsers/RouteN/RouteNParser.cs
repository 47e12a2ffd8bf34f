using System.Globalization;
using System.Net;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.RouteN;

/// <summary>
/// net-tools `route -n` (IPv4: Destination Gateway Genmask Flags Metric Ref Use Iface) and `route -n -6`
/// (Destination Next-Hop Flag Met Ref Use If). The prefix comes from the genmask. route(8) cannot tell reject
/// types apart: '!' is read as unreachable; an "up" route on no interface ("*") is Calico's blackhole block.
/// </summary>
public sealed class RouteNParser : IFormatParser
{
    public string Kind => "route-n";

    public int Sniff(string fileName, string head)
    {
        if (Path.GetFileName(fileName) is "route-n.txt") return 100;
        if (head.Contains("Kernel IP routing table", StringComparison.Ordinal) || head.Contains("Kernel IPv6 routing table", StringComparison.Ordinal)) return 95;
        return head.Contains("Destination", StringComparison.Ordinal) && head.Contains("Genmask", StringComparison.Ordinal) ? 90 : 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        var pool = new StringPool();
        TextLines.ForEach(input.Text, (n, raw) =>
        {
            var line = raw.Trim();
            if (line.IsEmpty || line.StartsWith("Kernel I") || line.StartsWith("Destination")) return;
            var at = input.At(n);
            Span<Range> parts = stackalloc Range[9];
            int count = line.SplitAny(parts, " \t", StringSplitOptions.RemoveEmptyEntries);
            if (count == 8) Ipv4(line, parts, pool, result, at, input.Node);
            else if (count == 7) Ipv6(line, parts, pool, result, at, input.Node);
            else result.Problem(at, $"not a route -n line: '{Snippet.Of(line)}'");
        });
        return result;
    }

    private static void Ipv4(ReadOnlySpan<char> line, Span<Range> p, StringPool pool, ParseResult result, Source at, string? node)
    {
        var dest = line[p[0]];
        var gw = line[p[1]];
        var mask = line[p[2]];
        if (!IPAddress.TryParse(dest, out var destination) || destination.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
            || !IPAddress.TryParse(mask, out var genmask) || MaskLength(genmask) is not { } prefix)
        {
            result.Problem(at, $"bad destination/genmask in '{Snippet.Of(line)}'");
            return;
        }
        IPAddress? gateway = null;
        if (gw is not ("-" or "*") && (!IPAddress.TryParse(gw, out gateway) || gateway.Equals(IPAddress.Any))) gateway = null;
        Add(line, p[3], p[4], p[7], new Cidr(destination, prefix), gateway, pool, result, at, node);
    }

    private static void Ipv6(ReadOnlySpan<char> line, Span<Range> p, StringPool pool, ParseResult result, Source at, string? node)
    {
        if (!Cidr.TryParse(line[p[0]].ToString(), out var destination) || !destination.IsIPv6)
        {
            result.Problem(at, $"bad IPv6 destination in '{Snippet.Of(line)}'");
            return;
        }
        IPAddress? gateway = IPAddress.TryParse(line[p[1]], out var g) && !g.Equals(IPAddress.IPv6Any) ? g : null;
        Add(line, p[2], p[3], p[6], destination, gateway, pool, result, at, node);
    }

    private static void Add(ReadOnlySpan<char> line, Range flagsR, Range metricR, Range ifaceR, Cidr destination, IPAddress? gateway,
        StringPool pool, ParseResult result, Source at, string? node)
    {
        var flagText = line[flagsR];
        var flags = new List<string>(flagText.Length);
        foreach (var c in flagText) flags.Add(pool.Get([c]));
        int? metric = int.TryParse(line[metricR], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
        if (metric is null) result.Problem(at, $"bad metric '{Snippet.Of(line[metricR])}'");
        var iface = line[ifaceR];
        string? device = iface is "*" or "-" ? null : pool.Get(iface);
        var type = flagText.Contains('!') ? RouteType.Unreachable
            : device is null ? RouteType.Blackhole
            : RouteType.Unicast;
        result.Add(new Route
        {
            Destination = destination,
            Gateway = gateway,
            Device = device,
            Type = type,
            Metric = metric,
            Scope = gateway is null && type == RouteType.Unicast ? Scope.Link : Scope.Global,
            Flags = flags,
            TableId = 254,
            Node = node,
            Source = at,
        });
    }

    /// <summary>The prefix length of a contiguous netmask; null for a non-contiguous one.</summary>
    private static int? MaskLength(IPAddress mask)
    {
        var bytes = mask.GetAddressBytes();
        uint v = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        int len = System.Numerics.BitOperations.PopCount(v);
        return len == 0 && v == 0 || v == uint.MaxValue << (32 - len) ? len : null;
    }
}
