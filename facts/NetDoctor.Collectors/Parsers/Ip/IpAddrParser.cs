using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Parsers.Ip;

/// <summary>
/// `ip addr` text: an <see cref="NetDoctor.Facts.InterfaceAddress"/> per inet/inet6 line and a
/// <see cref="NetDoctor.Facts.NetworkLink"/> per interface block (the only link source in calicoctl node diags;
/// a bundle that also has ip-link.txt gets the same links twice, keyed by node and name).
/// </summary>
public sealed class IpAddrParser : IFormatParser
{
    public string Kind => "ip-addr";

    public int Sniff(string fileName, string head)
    {
        if (Path.GetFileName(fileName) is "ip-addr.txt" or "ipv4_addr" or "ipv6_addr") return 100;
        bool header = false, inet = false;
        TextLines.ForEach(head, (_, l) =>
        {
            var t = l.TrimStart();
            if (l.Length > 0 && char.IsAsciiDigit(l[0]) && l.Contains(": <", StringComparison.Ordinal) && l.Contains(" mtu ", StringComparison.Ordinal)) header = true;
            if (t.StartsWith("inet ") || t.StartsWith("inet6 ")) inet = true;
        });
        return header && inet ? 90 : 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var reader = new LinkTextReader(input, addresses: true);
        TextLines.ForEach(input.Text, reader.Line);
        reader.End();
        return reader.Result;
    }
}
