using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.CalicoV1;

/// <summary>
/// The BGP address each Calico node claims, as Calico's etcd (v1 data model, Calico before 2.0 and `calicoctl` v0.x)
/// and the old `calicoctl node` start-up show it, in the forms people paste:
/// <list type="bullet">
/// <item>`etcdctl get /calico/bgp/v1/host/NODE/ip_addr_v4` — etcd v2 prints the value alone, v3 the key then the value;
/// `etcdctl get --prefix /calico/bgp/v1/host` prints key and value lines in turn. ip_addr_v4, ip_addr_v6 and as_num are read.</item>
/// <item>`calicoctl node` (v0.x): "No IP provided. Using detected IP: 10.1.42.1" after a prompt that names the host
/// ("core@calico-01 ~ $ sudo calicoctl node"); the node is the host the prompt names (v0.x named nodes by hostname).</item>
/// </list>
/// Each node gives one <see cref="CalicoNode"/> at the line where its first value was read. Lines may be indented (a
/// Markdown code block); a line that is none of these is a problem at its line.
/// </summary>
public sealed partial class CalicoV1NodeParser : IFormatParser
{
    /// <summary>Keys, values and prompts are short; a longer line is damage.</summary>
    private const int MaxLine = 4096;

    public string Kind => "calico-v1-node";

    public int Sniff(string fileName, string head)
    {
        if (head.Contains("/calico/bgp/v1/host/", StringComparison.Ordinal)) return 80;
        if (DetectedRegex().IsMatch(head) && head.Contains("calicoctl node", StringComparison.Ordinal)) return 75;
        return 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        var nodes = new Dictionary<string, NodeValues>(StringComparer.Ordinal);
        string? host = null;
        (string Node, string Field, string Key)? pendingKey = null;
        bool calicoctlNode = false;

        NodeValues Node(string name, int line)
        {
            if (!nodes.TryGetValue(name, out var values)) nodes[name] = values = new NodeValues(line);
            return values;
        }

        foreach (var (number, raw) in TextLines.Split(input.Text))
        {
            if (raw.Length > MaxLine)
            {
                result.Problem(input.At(number), $"line of {raw.Length} characters is too long for an etcd key, value or calicoctl line: {Snippet.Of(raw)}");
                pendingKey = null;
                continue;
            }
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var prompt = PromptRegex().Match(line);
            if (prompt.Success)
            {
                host = prompt.Groups["host"].Success ? prompt.Groups["host"].Value : null;
                var command = prompt.Groups["command"].Value;
                calicoctlNode = CalicoctlNodeRegex().IsMatch(command);
                pendingKey = command.Contains("etcdctl", StringComparison.Ordinal) && KeyRegex().Match(command) is { Success: true } k
                    ? (k.Groups["node"].Value, k.Groups["field"].Value, k.Value)
                    : null;
                continue;
            }
            var key = KeyRegex().Match(line);
            if (key.Success && key.Index == 0 && key.Length == line.Length)
            {
                // etcd v3 prints the key before its value (also after "etcdctl get KEY"); v2's ls lists keys alone.
                pendingKey = (key.Groups["node"].Value, key.Groups["field"].Value, key.Value);
                continue;
            }
            if (pendingKey is { } pending)
            {
                // A line that is not the value is reported and the key still waits for its value: a stray line between
                // a key and its value costs that line only.
                if (Value(pending.Field, line) is { } set)
                {
                    set(Node(pending.Node, number));
                    pendingKey = null;
                }
                else
                {
                    result.Problem(input.At(number), $"value of {Snippet.Of(pending.Key)} is not {Expected(pending.Field)}: {Snippet.Of(line)}");
                }

                continue;
            }
            var detected = DetectedRegex().Match(line);
            if (detected.Success)
            {
                if (!calicoctlNode || host is null)
                    result.Problem(input.At(number), $"calicoctl node output without the prompt that names its host; the node is unknown: {Snippet.Of(line)}");
                else if (!IPAddress.TryParse(detected.Groups["ip"].Value, out var ip))
                    result.Problem(input.At(number), $"detected IP is not an address: {Snippet.Of(line)}");
                else Node(host, number).Set(ip);
                continue;
            }
            if (calicoctlNode && KnownNoiseRegex().IsMatch(line)) continue;
            result.Problem(input.At(number), $"not an etcd /calico/bgp/v1 key or value, nor calicoctl node output: {Snippet.Of(line)}");
        }

        foreach (var (name, values) in nodes)
        {
            if (values.V4 is null && values.V6 is null && values.As is null) continue;
            result.Add(new CalicoNode
            {
                Name = name,
                Ipv4Address = values.V4,
                Ipv6Address = values.V6,
                AsNumber = values.As,
                Source = input.At(values.Line),
            });
        }
        return result;
    }

    private static string Expected(string field) => field == "as_num" ? "an AS number" : "an IP address";

    /// <summary>How to record <paramref name="value"/> as the node's <paramref name="field"/>; null when it is not one.</summary>
    private static Action<NodeValues>? Value(string field, string value)
    {
        if (field == "as_num")
            return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var asn) ? node => node.As ??= asn : null;
        return IPAddress.TryParse(value, out var ip) && value.Contains(field == "ip_addr_v6" ? ':' : '.') ? node => node.Set(ip) : null;
    }

    /// <summary>What one node's lines said, and where the first of them was.</summary>
    private sealed class NodeValues(int line)
    {
        public int Line { get; } = line;
        public Cidr? V4 { get; private set; }
        public Cidr? V6 { get; private set; }
        public long? As { get; set; }

        public void Set(IPAddress ip)
        {
            var host = Cidr.Parse(ip + (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "/128" : "/32"));
            if (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6) V6 ??= host;
            else V4 ??= host;
        }
    }

    /// <summary>"/calico/bgp/v1/host/calico-01/ip_addr_v4" (optionally quoted in a command).</summary>
    [GeneratedRegex(@"/calico/bgp/v1/host/(?<node>[A-Za-z0-9_.\-]+)/(?<field>ip_addr_v4|ip_addr_v6|as_num)")]
    private static partial Regex KeyRegex();

    /// <summary>"core@calico-01 ~ $ sudo calicoctl node", "[root@node1 ~]# etcdctl get ...", "root@host:/# cmd", "$ cmd" (no host).</summary>
    [GeneratedRegex(@"^(?:\[?[\w.-]+@(?<host>[\w.-]+)[^$#\]]*\]?\s*[$#]|[$#](?=\s))\s*(?<command>.*)$")]
    private static partial Regex PromptRegex();

    [GeneratedRegex(@"calicoctl(\s+-\S+)*\s+node(\s|$)(?!\s*(status|diags|checksystem|show|remove))")]
    private static partial Regex CalicoctlNodeRegex();

    [GeneratedRegex(@"(Using detected IP|Using IP address|Using IPv4 address|Using autodetected IPv4 address)[:\s]+(?<ip>[0-9A-Fa-f.:]+)")]
    private static partial Regex DetectedRegex();

    /// <summary>The rest of calicoctl v0.x's start-up chatter.</summary>
    [GeneratedRegex(@"^(Calico node is running with id|No IP provided|Pulling|Waiting for|Calico node started|Calico node is running|Using network plugin|Starting|Node|Your kernel|WARNING|Digest|Status)")]
    private static partial Regex KnownNoiseRegex();
}
