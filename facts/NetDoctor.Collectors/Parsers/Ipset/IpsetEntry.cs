using System.Globalization;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Ipset;

/// <summary>
/// Reads one set element ("192.168.0.0/16 nomatch", "10.96.0.10,udp:53 timeout 300", "tcp:80") with the
/// set's dimensions. An element that does not fit is still reported as a member (raw) plus a problem.
/// </summary>
internal static class IpsetEntry
{
    public static IpSetMember Read(string setName, IReadOnlyList<IpSetDimension> dims, ReadOnlySpan<char> line,
        StringPool pool, ParseResult problems, Source at, string? node)
    {
        var w = new Words(line);
        var element = w.NextOrEmpty();
        var entry = element.ToString();
        // The common element, one address or network, is made in one step: a `with` per field would make each member twice.
        var member = OneAddress(dims) && Cidr.TryParse(entry, out var cidr)
            ? new IpSetMember { Set = setName, Entry = entry, Node = node, Source = at, Cidr = cidr }
            : new IpSetMember { Set = setName, Entry = entry, Node = node, Source = at };
        if (member.Cidr is null && !TryElement(ref member, dims, element, entry, pool))
            problems.Problem(at, $"'{Snippet.Of(element)}' is not a valid element of set {Snippet.Of(setName)}");
        var rest = w.Rest;
        return rest.IsEmpty ? member : Options(member, rest, problems, at);
    }

    private static bool OneAddress(IReadOnlyList<IpSetDimension> dims) =>
        dims.Count == 0 || (dims.Count == 1 && dims[0] is IpSetDimension.Ip or IpSetDimension.Net);

    private static bool TryElement(ref IpSetMember m, IReadOnlyList<IpSetDimension> dims, ReadOnlySpan<char> element, string entry, StringPool pool)
    {
        if (dims.Count <= 1)
        {
            var dim = dims.Count == 1 ? dims[0] : IpSetDimension.Net;
            switch (dim)
            {
                case IpSetDimension.Ip or IpSetDimension.Net:
                    // bitmap:ip and hash:ip print ranges as "10.0.0.1-10.0.0.9" only on input; list output is single elements.
                    if (!Cidr.TryParse(entry, out var c)) return false;
                    m = m with { Cidr = c };
                    return true;
                case IpSetDimension.Port:
                    return TryPort(ref m, element, pool);
                default:
                    m = m with { OtherParts = [entry] };
                    return !element.IsEmpty;
            }
        }
        int i = 0;
        bool firstAddress = true;
        List<string>? other = null;
        foreach (var range in element.Split(','))
        {
            if (i >= dims.Count) return false;
            var part = element[range];
            switch (dims[i])
            {
                case IpSetDimension.Ip or IpSetDimension.Net:
                    if (!Cidr.TryParse(part, out var c)) return false;
                    m = firstAddress ? m with { Cidr = c } : m with { SecondCidr = c };
                    firstAddress = false;
                    break;
                case IpSetDimension.Port:
                    if (!TryPort(ref m, part, pool)) return false;
                    break;
                default:
                    (other ??= []).Add(part.ToString());
                    break;
            }
            i++;
        }
        if (other is not null) m = m with { OtherParts = other };
        return i == dims.Count;
    }

    /// <summary>"53", "udp:53", "tcp:8000-8080" (first port kept), "icmp:echo-request" (protocol only).</summary>
    private static bool TryPort(ref IpSetMember m, ReadOnlySpan<char> part, StringPool pool)
    {
        int colon = part.IndexOf(':');
        var proto = colon >= 0 ? part[..colon] : default;
        var port = colon >= 0 ? part[(colon + 1)..] : part;
        int dash = port.IndexOf('-');
        var first = dash > 0 ? port[..dash] : port;
        if (int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535)
        {
            m = m with { Port = p, Protocol = proto.IsEmpty ? m.Protocol : pool.Get(proto) };
            return true;
        }
        if (proto.IsEmpty || port.IsEmpty) return false;
        m = m with { Protocol = pool.Get(proto), OtherParts = [.. m.OtherParts, port.ToString()] };
        return true;
    }

    private static IpSetMember Options(IpSetMember m, ReadOnlySpan<char> rest, ParseResult problems, Source at)
    {
        List<string>? extra = null;
        while (!rest.IsEmpty)
        {
            var w = new Words(rest);
            var key = w.NextOrEmpty();
            rest = w.Rest;
            if (key.IsEmpty) break;
            switch (key)
            {
                case "nomatch":
                    m = m with { NoMatch = true };
                    continue;
                case "comment":
                    m = m with { Comment = ReadComment(ref rest) };
                    continue;
            }
            var vw = new Words(rest);
            var value = vw.NextOrEmpty();
            rest = vw.Rest;
            bool ok = true;
            switch (key)
            {
                case "timeout":
                    ok = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t);
                    if (ok) m = m with { Timeout = t };
                    break;
                case "packets":
                    ok = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p);
                    if (ok) m = m with { Packets = p };
                    break;
                case "bytes":
                    ok = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var b);
                    if (ok) m = m with { Bytes = b };
                    break;
                default:
                    (extra ??= []).Add(value.IsEmpty ? key.ToString() : $"{key} {value}");
                    break;
            }
            if (!ok) problems.Problem(at, $"element option '{Snippet.Of(key)}' has a bad value '{Snippet.Of(value)}'");
        }
        return extra is null ? m : m with { Options = extra };
    }

    /// <summary>comment "text with blanks" (ipset quotes it) or a bare word.</summary>
    private static string ReadComment(ref ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart();
        if (!rest.IsEmpty && rest[0] == '"')
        {
            int close = rest[1..].IndexOf('"');
            if (close >= 0)
            {
                var text = rest.Slice(1, close).ToString();
                rest = rest[(close + 2)..];
                return text;
            }
            var all = rest[1..].ToString();
            rest = default;
            return all;
        }
        var w = new Words(rest);
        var word = w.NextOrEmpty().ToString();
        rest = w.Rest;
        return word;
    }
}
