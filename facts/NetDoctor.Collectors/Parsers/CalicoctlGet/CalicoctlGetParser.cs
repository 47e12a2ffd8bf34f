using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.CalicoctlGet;

/// <summary>
/// `calicoctl get ippool|node|bgppeer|profile|workloadendpoint [-o wide]` tables, as operators paste them: one or more
/// tables, each under its header and usually after the command line that printed it (shell prompts are skipped).
/// Each table gives a <see cref="CalicoResourceListing"/> (what exists, even when nothing does); wide tables also give
/// the resources: <see cref="IpPool"/> (NAT, IPIP/VXLAN mode, disabled), <see cref="CalicoNode"/> (AS, BGP addresses),
/// <see cref="CalicoBgpPeer"/>. A narrow IP pool table lacks the columns a pool needs and says so instead of guessing.
/// </summary>
public sealed partial class CalicoctlGetParser : IFormatParser
{
    private const int MaxLine = 4096;

    /// <summary>Every column calicoctl prints for the kinds read here (v3 and v1): a header is a line of these only.</summary>
    private static readonly HashSet<string> KnownColumns = new(StringComparer.Ordinal)
    {
        "NAME", "CIDR", "SELECTOR", "NAT", "IPIPMODE", "VXLANMODE", "DISABLED", "DISABLEBGPEXPORT", "IPIP",
        "ASN", "IPV4", "IPV6", "PEERIP", "NODE", "SCOPE", "LABELS", "TAGS",
        "NAMESPACE", "WORKLOAD", "NETWORKS", "INTERFACE", "ORCHESTRATOR", "PROFILES",
    };

    public string Kind => "calicoctl-get";

    public int Sniff(string fileName, string head)
    {
        var name = Path.GetFileName(fileName);
        if (name.StartsWith("calicoctl-get", StringComparison.Ordinal)) return 100;
        bool command = false;
        string? hint = KindFromFileName(fileName);
        int seen = 0;
        foreach (var (_, line) in TextLines.Split(head))
        {
            if (++seen > 20) break;
            var match = CommandRegex().Match(line);
            if (match.Success)
            {
                command = true;
                hint = KindOfResourceWord(match.Groups[1].Value);
                continue;
            }
            if (Header(line) is not { } header) continue;
            // A bare "NAME" (or NAME LABELS) header is every tool's; it is calicoctl's only under its command or name.
            if (KindOf(header.Columns, hint) is null) continue;
            return command ? 90 : Distinctive(header.Columns) ? 85 : 70;
        }
        return 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        string? hint = KindFromFileName(input.Path);
        CalicoctlTable? table = null;

        void Close()
        {
            if (table is not null) Emit(table, input, result);
            table = null;
        }

        foreach (var (number, raw) in TextLines.Split(input.Text))
        {
            if (raw.Length > MaxLine)
            {
                result.Problem(input.At(number), $"line of {raw.Length} characters is too long to be a calicoctl table row: {Snippet.Of(raw)}");
                continue;
            }
            var line = raw.TrimEnd();
            var command = CommandRegex().Match(line);
            if (command.Success)
            {
                Close();
                hint = KindOfResourceWord(command.Groups[1].Value);
                if (hint is null) result.Problem(input.At(number), $"calicoctl get {Snippet.Of(command.Groups[1].Value)}: a resource this parser does not read");
                continue;
            }
            if (line.Trim().Length == 0)
            {
                Close();
                continue;
            }
            if (Header(line) is { } header)
            {
                Close();
                var (names, starts) = header;
                var kind = KindOf(names, hint);
                if (kind is null)
                    result.Problem(input.At(number), $"cannot tell which resource the table '{Snippet.Of(line.Trim())}' lists; keep the `calicoctl get <kind>` line above it or name the file calicoctl-get-<kind>.txt");
                table = new CalicoctlTable(number, names, starts, kind);
                continue;
            }
            if (PromptRegex().IsMatch(line)) continue;
            if (table is null)
            {
                result.Problem(input.At(number), $"not part of a calicoctl table: {Snippet.Of(line)}");
                continue;
            }
            if (table.Cells(line) is { } cells) table.Rows.Add((number, cells));
            else result.Problem(input.At(number), $"row does not fit the columns {string.Join(" ", table.Columns)}: {Snippet.Of(line)}");
        }
        Close();
        // A table's cell problems are found when it closes, after the rows below it: report them in line order.
        var ordered = result.Problems.OrderBy(p => p.Source.Line).ToList();
        result.Problems.Clear();
        result.Problems.AddRange(ordered);
        return result;
    }

    private static void Emit(CalicoctlTable table, ParseInput input, ParseResult result)
    {
        if (table.Kind is null) return;
        var names = new List<string>();
        foreach (var (line, cells) in table.Rows)
        {
            var source = input.At(line);
            string? name = cells.GetValueOrDefault(table.Kind == "WorkloadEndpoint" ? "WORKLOAD" : "NAME")
                           ?? (table.Kind == "IPPool" ? cells.GetValueOrDefault("CIDR") : table.Kind == "BGPPeer" ? cells.GetValueOrDefault("PEERIP") : null);
            if (name is null)
            {
                result.Problem(source, $"{table.Kind} row without a name: {string.Join(" ", cells.Values)}");
                continue;
            }
            names.Add(name);
            switch (table.Kind)
            {
                case "IPPool" when table.Has("NAT"): Pool(name, cells, source, result); break;
                case "Node" when table.Has("IPV4") || table.Has("ASN"): Node(name, cells, source, result); break;
                case "BGPPeer": Peer(name, cells, source, result); break;
            }
        }
        if (table.Kind == "IPPool" && !table.Has("NAT") && table.Rows.Count > 0)
            result.Problem(input.At(table.Line), "calicoctl get ippool without -o wide has no NAT and IPIP columns: the pools are listed but not read (capture `calicoctl get ippool -o yaml`)");
        result.Add(new CalicoResourceListing { Kind = table.Kind, Names = names, Columns = table.Columns, Source = input.At(table.Line) });
    }

    private static void Pool(string name, Dictionary<string, string> cells, Source source, ParseResult result)
    {
        var cidrText = cells.GetValueOrDefault("CIDR");
        if (!Cidr.TryParse(cidrText, out var cidr))
        {
            result.Problem(source, $"IPPool {name}: '{Snippet.Of(cidrText ?? "")}' is not a CIDR");
            return;
        }
        result.Add(new IpPool
        {
            Source = source,
            Name = name,
            Cidr = cidr,
            NatOutgoing = Bool(cells, "NAT", source, result) ?? false,
            // v1's wide table has IPIP (true/false, or the mode); v3's has IPIPMODE.
            IpipMode = Encapsulation(cells.GetValueOrDefault("IPIPMODE") ?? cells.GetValueOrDefault("IPIP")),
            VxlanMode = Encapsulation(cells.GetValueOrDefault("VXLANMODE")),
            Disabled = Bool(cells, "DISABLED", source, result) ?? false,
            NodeSelector = cells.GetValueOrDefault("SELECTOR"),
        });
    }

    private static void Node(string name, Dictionary<string, string> cells, Source source, ParseResult result)
    {
        Cidr? v4 = null, v6 = null;
        if (cells.TryGetValue("IPV4", out var a))
        {
            if (Cidr.TryParse(a, out var c)) v4 = c;
            else result.Problem(source, $"Node {name}: IPV4 '{Snippet.Of(a)}' is not an address");
        }
        if (cells.TryGetValue("IPV6", out var b))
        {
            if (Cidr.TryParse(b, out var c)) v6 = c;
            else result.Problem(source, $"Node {name}: IPV6 '{Snippet.Of(b)}' is not an address");
        }
        result.Add(new CalicoNode { Source = source, Name = name, Ipv4Address = v4, Ipv6Address = v6, AsNumber = Asn(cells, source, result) });
    }

    private static void Peer(string name, Dictionary<string, string> cells, Source source, ParseResult result)
    {
        var ipText = cells.GetValueOrDefault("PEERIP");
        var node = cells.GetValueOrDefault("NODE");
        var scope = cells.GetValueOrDefault("SCOPE");
        result.Add(new CalicoBgpPeer
        {
            Source = source,
            Name = name,
            PeerIpText = ipText,
            PeerIp = IPAddress.TryParse(ipText, out var ip) ? ip : null,
            // v3 prints "(global)" for a peer of every node; v1 has a SCOPE column instead.
            PeerNode = node is null or "(global)" || scope == "global" ? null : node,
            AsNumber = Asn(cells, source, result),
        });
    }

    /// <summary>"64512", or "(64512)": the cluster default the node inherits (a node-specific AS is printed bare).</summary>
    private static long? Asn(Dictionary<string, string> cells, Source source, ParseResult result)
    {
        if (!cells.TryGetValue("ASN", out var text) || text.StartsWith('(')) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var asn)) return asn;
        result.Problem(source, $"ASN '{Snippet.Of(text)}' is not a number");
        return null;
    }

    private static bool? Bool(Dictionary<string, string> cells, string column, Source source, ParseResult result)
    {
        if (!cells.TryGetValue(column, out var text)) return null;
        if (bool.TryParse(text, out var value)) return value;
        result.Problem(source, $"{column} '{Snippet.Of(text)}' is neither true nor false");
        return null;
    }

    private static CalicoEncapsulation Encapsulation(string? text) => text?.ToLowerInvariant() switch
    {
        "true" => CalicoEncapsulation.Always,
        "false" => CalicoEncapsulation.Never,
        _ => CalicoEncapsulationNames.Parse(text),
    };

    /// <summary>The header's columns and where they start, when every word of the line is a calicoctl column.</summary>
    private static (List<string> Columns, List<int> Starts)? Header(string line)
    {
        var header = CalicoctlTable.Header(line);
        return header.Columns.Count > 0 && header.Columns.All(KnownColumns.Contains) ? header : null;
    }

    /// <summary>The resource a header lists; <paramref name="hint"/> (from the command line or file name) decides a bare NAME.</summary>
    private static string? KindOf(IReadOnlyList<string> columns, string? hint)
    {
        if (columns.Contains("CIDR")) return "IPPool";
        if (columns.Contains("PEERIP")) return "BGPPeer";
        if (columns.Contains("WORKLOAD")) return "WorkloadEndpoint";
        if (columns.Contains("IPV4") || columns.Contains("ASN")) return "Node";
        if (columns.Count <= 2 && columns[0] == "NAME" && columns.Skip(1).All(c => c is "LABELS" or "TAGS"))
            return hint is "Profile" or "Node" ? hint : null;
        return null;
    }

    /// <summary>Columns only calicoctl prints, so the table is recognised without its command line.</summary>
    private static bool Distinctive(IReadOnlyList<string> columns) =>
        columns.Contains("IPIPMODE") || columns.Contains("VXLANMODE") || columns.Contains("PEERIP") || columns.Contains("CIDR") && columns.Contains("NAT");

    private static string? KindFromFileName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        foreach (var part in name.Split('-', '_', '.'))
            if (KindOfResourceWord(part) is { } kind) return kind;
        return null;
    }

    /// <summary>calicoctl's resource names and aliases (case-insensitive) for the kinds read here.</summary>
    private static string? KindOfResourceWord(string word) => word.ToLowerInvariant() switch
    {
        "ippool" or "ippools" or "ipp" or "ipps" or "pool" or "pools" => "IPPool",
        "node" or "nodes" or "no" or "nos" => "Node",
        "bgppeer" or "bgppeers" or "bgpp" or "bgpps" or "bp" or "bps" => "BGPPeer",
        "profile" or "profiles" or "pro" or "pros" => "Profile",
        "workloadendpoint" or "workloadendpoints" or "wep" or "weps" => "WorkloadEndpoint",
        _ => null,
    };

    /// <summary>"calicoctl get profile", "kubectl calico get ippool -o wide", with whatever prompt or variables before it.</summary>
    [GeneratedRegex(@"(?:calicoctl|kubectl[ -]calico)\s+get\s+([A-Za-z]+)")]
    private static partial Regex CommandRegex();

    /// <summary>A bare shell prompt ("[root@k8s01 ~]#", "$"), left in a paste after the last command.</summary>
    [GeneratedRegex(@"^\s*(\[[^\]]*\]\s*)?[#$]\s*$|^\S+@\S+[:~][^ ]*[#$]\s*$")]
    private static partial Regex PromptRegex();
}
