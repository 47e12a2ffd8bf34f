using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Logs;

/// <summary>
/// The BGP addresses calico-node's start-up log states, as <see cref="CalicoNode"/> facts: when a node cannot start
/// because its address is taken ("Calico node 'k8s-node-1' is already using the IPv4 address 10.32.0.1.") the log names
/// the other node and the address it claims in the datastore, and the node's own auto-detected address ("Using
/// autodetected IPv4 address on interface br-d710e33f6c1a: 172.18.0.1/16") belongs to the node the same log named
/// before ("Building new node resource Name=\"devops-node01\"", "Determined node name: k8s-node1", "Using NODENAME
/// environment for node name k3s-master", "Using stored node name k8s-node1 from …"). These lines are often all an
/// operator pastes of a calico-node that terminated, and they are the evidence of a shared or stray BGP address.
/// One reader per log file: the node name a log states holds for the lines after it.
/// </summary>
internal sealed partial class CalicoNodeStartupAddresses
{
    private readonly HashSet<(string Name, string Address)> _seen = [];
    private string? _ownName;

    /// <summary>The Calico nodes <paramref name="line"/> states an address of (none for most lines).</summary>
    public IEnumerable<CalicoNode> Read(LogLine line)
    {
        var text = line.Message;
        // Cheap test first: every line of every log passes here.
        if (!text.Contains("node", StringComparison.OrdinalIgnoreCase) && !text.Contains("address", StringComparison.Ordinal)) yield break;

        Match m;
        if ((m = OwnNameRegex().Match(text)).Success)
        {
            _ownName = m.Groups["name"].Value;
            yield break;
        }
        if ((m = TakenRegex().Match(text)).Success)
        {
            if (Node(m.Groups["name"].Value, m.Groups["ip"].Value, line) is { } taken) yield return taken;
            yield break;
        }
        if ((m = AutodetectedRegex().Match(text)).Success && _ownName is { } own)
        {
            if (Node(own, m.Groups["ip"].Value, line) is { } detected) yield return detected;
        }
    }

    private CalicoNode? Node(string name, string address, LogLine line)
    {
        // An address with its prefix (the auto-detected one) or without (the conflict message): a host address either way.
        var ipText = address.Split('/')[0];
        if (!IPAddress.TryParse(ipText, out var ip)) return null;
        bool v6 = ip.AddressFamily == AddressFamily.InterNetworkV6;
        var cidr = Cidr.TryParse(address, out var withPrefix) ? withPrefix : Cidr.Parse(ipText + (v6 ? "/128" : "/32"));
        if (!_seen.Add((name, cidr.ToString()))) return null;
        return new CalicoNode
        {
            Name = name,
            Ipv4Address = v6 ? null : cidr,
            Ipv6Address = v6 ? cidr : null,
            Source = line.Source,
        };
    }

    /// <summary>"Calico node 'k8s-node-1' is already using the IPv4 address 10.32.0.1." (startup.go, calico/node 2.x–3.x).</summary>
    [GeneratedRegex(@"Calico node '(?<name>[^']+)' is already using the IPv[46] address (?<ip>[0-9A-Fa-f.:]+?)\.?(\s|$)")]
    private static partial Regex TakenRegex();

    /// <summary>"Using autodetected IPv4 address on interface eth0: 10.0.0.4/24" (also "IPv6").</summary>
    [GeneratedRegex(@"Using autodetected IPv[46] address on interface \S+: (?<ip>[0-9A-Fa-f.:]+(/\d+)?)")]
    private static partial Regex AutodetectedRegex();

    /// <summary>The node the log is calico-node's start-up of.</summary>
    [GeneratedRegex(@"(Building new node resource Name=""(?<name>[^""]+)""|Determined node name: (?<name>\S+)|Using NODENAME environment for node name:? (?<name>\S+)|Using stored node name (?<name>\S+) from)")]
    private static partial Regex OwnNameRegex();
}
