using NetDoctor.Collectors.Bundles;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Sniffing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Bundles;

/// <summary>One non-empty line of a file read by a <see cref="LineParser"/>.</summary>
public sealed record LineFact : Fact
{
    public required string Kind { get; init; }
    public required string Text { get; init; }
    public override string Summary => $"{Kind}: {Text}";
}

/// <summary>
/// Test double for a format parser: recognises files by a sniff function and turns each non-empty line into a
/// <see cref="LineFact"/>; a line "BROKEN" becomes a problem. Lets the bundle tests check layouts, nodes and
/// sources without depending on how the real parsers read each format.
/// </summary>
public sealed class LineParser(string kind, Func<string, string, int> sniff) : IFormatParser
{
    public string Kind { get; } = kind;

    public int Sniff(string fileName, string head) => sniff(fileName, head);

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        TextLines.ForEach(input.Text, (n, line) =>
        {
            if (line.IsWhiteSpace() || line.StartsWith("#")) return;
            if (line.SequenceEqual("BROKEN")) { result.Problem(input.At(n), "broken line"); return; }
            result.Add(new LineFact { Kind = Kind, Text = line.ToString(), Source = input.At(n), Node = input.Node });
        });
        return result;
    }
}

public static class LineParsers
{
    public static IReadOnlyList<ParserEntry> Catalog { get; } =
    [
        Entry("route-n", (n, h) => h.StartsWith("Kernel IP routing table") ? 95 : 0),
        Entry("ip-route", (n, h) => n == "ip-route.txt" ? 100 : h.Contains(" dev ") && h.Contains(" via ") ? 60 : 0),
        Entry("ip-addr", (n, h) => n == "ip-addr.txt" ? 100 : h.Contains("mtu") && h.Contains("inet ") ? 70 : 0),
        Entry("ipset-list", (n, h) => n == "ipset-list.txt" ? 100 : h.StartsWith("Name:") && h.Contains("Type:") ? 80 : 0),
        Entry("iptables-save", (n, h) => n.StartsWith("iptables") && n.EndsWith("save.txt") ? 100 : h.Contains("\n*filter") || h.Contains("\n*nat") ? 90 : 0),
        Entry("calicoctl-node-status", (n, h) => h.StartsWith("Calico process is") ? 95 : 0),
        Entry("container-log", (n, h) => n.EndsWith(".log") ? 70 : h.Contains("][") && h.StartsWith("20") ? 40 : 0),
        Entry("kubectl-yaml", (n, h) => h.Contains("apiVersion:") && h.Contains("kind:") ? 80 : 0, FactScope.Cluster),
    ];

    public static FileParser FileParser() => new(new FormatSniffer(Catalog));

    public static BundleReader Reader(BundleReadOptions? options = null) => new(options, FileParser());

    private static ParserEntry Entry(string kind, Func<string, string, int> sniff, FactScope scope = FactScope.Node) =>
        new(new LineParser(kind, (path, head) => sniff(Path.GetFileName(path), head)), scope);
}
