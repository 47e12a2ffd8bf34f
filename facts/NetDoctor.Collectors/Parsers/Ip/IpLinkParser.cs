using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Parsers.Ip;

/// <summary>`ip [-d] link` text: one <see cref="NetDoctor.Facts.NetworkLink"/> per interface block (the kind comes from the -d detail line).</summary>
public sealed class IpLinkParser : IFormatParser
{
    public string Kind => "ip-link";

    public int Sniff(string fileName, string head)
    {
        if (Path.GetFileName(fileName) is "ip-link.txt") return 100;
        bool header = false, link = false, inet = false;
        TextLines.ForEach(head, (_, l) =>
        {
            var t = l.TrimStart();
            if (l.Length > 0 && char.IsAsciiDigit(l[0]) && l.Contains(": <", StringComparison.Ordinal) && l.Contains(" mtu ", StringComparison.Ordinal)) header = true;
            if (t.StartsWith("link/")) link = true;
            if (t.StartsWith("inet ") || t.StartsWith("inet6 ")) inet = true;
        });
        return header && link && !inet ? 88 : 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var reader = new LinkTextReader(input, addresses: false);
        TextLines.ForEach(input.Text, reader.Line);
        reader.End();
        return reader.Result;
    }
}
