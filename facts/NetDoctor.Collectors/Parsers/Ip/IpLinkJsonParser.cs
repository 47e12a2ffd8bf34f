using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Parsers.Ip;

/// <summary>`ip -j [-d] link`: interface objects; the kind comes from linkinfo.info_kind when -d was given.</summary>
public sealed class IpLinkJsonParser : IFormatParser
{
    public string Kind => "ip-link-json";

    public int Sniff(string fileName, string head)
    {
        if (Path.GetFileName(fileName) is "ip-link.json") return 100;
        var h = head.TrimStart();
        return h.StartsWith('[') && h.Contains("\"ifname\"", StringComparison.Ordinal) && !h.Contains("\"addr_info\"", StringComparison.Ordinal) ? 85 : 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        JsonArrayReader.Read(input, result, (e, line) => LinkJson.Read(e, line, input, result, addresses: false));
        return result;
    }
}
