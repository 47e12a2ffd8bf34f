using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Parsers.Ip;

/// <summary>`ip -j addr`: interface objects with their addr_info; emits links and addresses like the text parser.</summary>
public sealed class IpAddrJsonParser : IFormatParser
{
    public string Kind => "ip-addr-json";

    public int Sniff(string fileName, string head)
    {
        if (Path.GetFileName(fileName) is "ip-addr.json") return 100;
        var h = head.TrimStart();
        return h.StartsWith('[') && h.Contains("\"ifname\"", StringComparison.Ordinal) && h.Contains("\"addr_info\"", StringComparison.Ordinal) ? 92 : 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        JsonArrayReader.Read(input, result, (e, line) => LinkJson.Read(e, line, input, result, addresses: true));
        return result;
    }
}
