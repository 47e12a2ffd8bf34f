using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Ifconfig;

/// <summary>
/// `ifconfig [-a] [IFACE]` (net-tools), as people paste it instead of `ip addr`: the same
/// <see cref="InterfaceAddress"/> per inet/inet6 line and <see cref="NetworkLink"/> per interface block. Both layouts:
/// <list type="bullet">
/// <item>net-tools 2.x: "eth0: flags=4163&lt;UP,BROADCAST,RUNNING,MULTICAST&gt;  mtu 1500" then "inet 10.0.0.4  netmask
/// 255.255.255.0  broadcast 10.0.0.255", "inet6 fe80::1  prefixlen 64  scopeid 0x20&lt;link&gt;", "ether MAC …";</item>
/// <item>net-tools 1.60 and busybox: "eth0      Link encap:Ethernet  HWaddr MAC" then "inet addr:10.0.0.4  Bcast:…
/// Mask:255.255.255.0", "inet6 addr: fe80::1/64 Scope:Link", "UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1".</item>
/// </list>
/// What ifconfig cannot tell, compared with `ip addr`: no interface index (0), no link kind, no address flags
/// (secondary, dynamic); an IPv4 address's scope is host for 127.0.0.0/8 and global otherwise. RUNNING is the
/// operational state (state UP), and flags are kept as printed (RUNNING, not LOWER_UP). An alias block ("eth0:1")
/// gives its address on eth0 with the alias as label, and no link of its own. The prompt and command line a paste
/// keeps above the output are skipped.
/// </summary>
public sealed partial class IfconfigParser : IFormatParser
{
    /// <summary>Interface lines are short; a longer line is damage.</summary>
    private const int MaxLine = 4096;

    public string Kind => "ifconfig";

    public int Sniff(string fileName, string head)
    {
        if (Path.GetFileName(fileName) is "ifconfig.txt" or "ifconfig-a.txt") return 100;
        bool header = false, address = false;
        TextLines.ForEach(head, (_, l) =>
        {
            if (ModernHeaderRegex().IsMatch(l) || LegacyHeaderRegex().IsMatch(l)) header = true;
            var t = l.TrimStart();
            if (t.StartsWith("inet ") || t.StartsWith("inet6 ") || t.StartsWith("inet addr:") || t.StartsWith("ether ")) address = true;
        });
        return header && address ? 90 : 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var reader = new Reader(input);
        foreach (var (number, line) in TextLines.Split(input.Text)) reader.Line(number, line);
        reader.End();
        return reader.Result;
    }

    private sealed class Reader(ParseInput input)
    {
        public ParseResult Result { get; } = new();
        private Block? _block;

        public void Line(int n, string raw)
        {
            if (raw.Length > MaxLine)
            {
                Result.Problem(input.At(n), $"line of {raw.Length} characters is too long for ifconfig output: {Snippet.Of(raw)}");
                return;
            }
            if (raw.Trim().Length == 0) return;
            if (raw[0] is not (' ' or '\t'))
            {
                if (Header(n, raw) is { } block)
                {
                    End();
                    _block = block;
                }
                else if (!CommandRegex().IsMatch(raw))
                {
                    // The open block stays open: a stray line must not cut its addresses from their interface.
                    Result.Problem(input.At(n), $"not an ifconfig interface line: {Snippet.Of(raw)}");
                }
                return;
            }
            if (_block is null)
            {
                Result.Problem(input.At(n), $"indented line outside an interface block: {Snippet.Of(raw.Trim())}");
                return;
            }
            Detail(n, raw.Trim(), _block);
        }

        public void End()
        {
            if (_block is { Alias: null } b)
            {
                Result.Add(new NetworkLink
                {
                    Source = input.At(b.Line),
                    Node = input.Node,
                    Name = b.Name,
                    Flags = b.Flags,
                    Mtu = b.Mtu,
                    Mac = b.Mac,
                    LinkType = b.LinkType,
                    State = b.Flags.Contains("RUNNING") ? LinkState.Up : LinkState.Down,
                });
            }
            _block = null;
        }

        private static Block? Header(int n, string line)
        {
            var m = ModernHeaderRegex().Match(line);
            if (m.Success)
            {
                var block = new Block(n, m.Groups["name"].Value)
                {
                    Flags = [.. m.Groups["flags"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries)],
                };
                if (m.Groups["mtu"].Success) block.Mtu = int.Parse(m.Groups["mtu"].Value, CultureInfo.InvariantCulture);
                return block;
            }
            m = LegacyHeaderRegex().Match(line);
            if (!m.Success) return null;
            var legacy = new Block(n, m.Groups["name"].Value)
            {
                LinkType = m.Groups["encap"].Value.Trim() switch { "Ethernet" => "ether", "Local Loopback" => "loopback", var other => other.ToLowerInvariant() },
            };
            if (m.Groups["mac"].Success) legacy.Mac = Mac(m.Groups["mac"].Value);
            return legacy;
        }

        private void Detail(int n, string line, Block block)
        {
            Match m;
            if ((m = InetRegex().Match(line)).Success)
            {
                Ipv4(n, block, m.Groups["addr"].Value, m.Groups["mask"].Value, m.Groups["bcast"].Success ? m.Groups["bcast"].Value : null,
                    m.Groups["peer"].Success ? m.Groups["peer"].Value : null);
                return;
            }
            if ((m = Inet6Regex().Match(line)).Success)
            {
                Ipv6(n, block, m.Groups["addr"].Value + "/" + m.Groups["len"].Value, m.Groups["scope"].Value);
                return;
            }
            if ((m = LegacyFlagsRegex().Match(line)).Success)
            {
                // "UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1": the flags line of the old layout.
                block.Flags = [.. m.Groups["flags"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
                block.Mtu = int.Parse(m.Groups["mtu"].Value, CultureInfo.InvariantCulture);
                return;
            }
            if ((m = EtherRegex().Match(line)).Success)
            {
                block.LinkType ??= "ether";
                block.Mac ??= Mac(m.Groups["mac"].Value);
                return;
            }
            if (line.StartsWith("loop ", StringComparison.Ordinal))
            {
                block.LinkType ??= "loopback";
                return;
            }
            if (CountersRegex().IsMatch(line)) return;
            Result.Problem(input.At(n), $"unexpected line in the block of {block.Name}: {Snippet.Of(line)}");
        }

        private void Ipv4(int n, Block block, string address, string mask, string? broadcast, string? peer)
        {
            if (!IPAddress.TryParse(address, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork)
            {
                Result.Problem(input.At(n), $"not an IPv4 address: {Snippet.Of(address)}");
                return;
            }
            if (PrefixLength(mask) is not { } length)
            {
                Result.Problem(input.At(n), $"netmask {Snippet.Of(mask)} of {address} is not a contiguous mask");
                return;
            }
            Add(n, block, Cidr.Parse($"{ip}/{length}"), IPAddress.IsLoopback(ip) ? Scope.Host : Scope.Global,
                broadcast is not null && IPAddress.TryParse(broadcast, out var b) && !b.Equals(IPAddress.Any) ? b : null,
                peer is not null && IPAddress.TryParse(peer, out var p) ? Cidr.Parse(p + "/32") : null);
        }

        private void Ipv6(int n, Block block, string address, string scope)
        {
            if (!Cidr.TryParse(address, out var cidr) || !cidr.IsIPv6)
            {
                Result.Problem(input.At(n), $"not an IPv6 address: {Snippet.Of(address)}");
                return;
            }
            Add(n, block, cidr, scope.ToLowerInvariant() switch
            {
                "link" => Scope.Link,
                "host" => Scope.Host,
                "site" => Scope.Site,
                "global" or "" => Scope.Global,
                _ => Scope.Other,
            }, null, null);
        }

        private void Add(int n, Block block, Cidr address, Scope scope, IPAddress? broadcast, Cidr? peer) =>
            Result.Add(new InterfaceAddress
            {
                Source = input.At(n),
                Node = input.Node,
                Interface = block.Alias is null ? block.Name : block.Name[..block.Name.IndexOf(':')],
                Label = block.Alias is null ? null : block.Name,
                Address = address,
                Scope = scope,
                Broadcast = broadcast,
                Peer = peer,
            });

        /// <summary>255.255.255.0 → 24; a dotted mask that is not contiguous ones then zeros → null.</summary>
        private static int? PrefixLength(string mask)
        {
            if (int.TryParse(mask, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)) return bits is >= 0 and <= 32 ? bits : null;
            if (!IPAddress.TryParse(mask, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork) return null;
            var bytes = ip.GetAddressBytes();
            uint value = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
            int length = 0;
            while (length < 32 && (value & (0x80000000u >> length)) != 0) length++;
            return length == 32 || (value << length) == 0 ? length : null;
        }

        private static PhysicalAddress? Mac(string text) => Ip.LinkNames.Mac(text);
    }

    /// <summary>What one interface block said; an alias ("eth0:1") shares its interface's link.</summary>
    private sealed class Block(int line, string name)
    {
        public int Line { get; } = line;
        public string Name { get; } = name;
        public string? Alias => Name.Contains(':') ? Name : null;
        public IReadOnlyList<string> Flags { get; set; } = [];
        public int? Mtu { get; set; }
        public PhysicalAddress? Mac { get; set; }
        public string? LinkType { get; set; }
    }

    /// <summary>"eth0: flags=4163&lt;UP,BROADCAST,RUNNING,MULTICAST&gt;  mtu 1500" (net-tools 2.x).</summary>
    [GeneratedRegex(@"^(?<name>[^\s:]+(:\d+)?): flags=\d+<(?<flags>[A-Z0-9_,]*)>(\s+mtu (?<mtu>\d+))?")]
    private static partial Regex ModernHeaderRegex();

    /// <summary>"eth0      Link encap:Ethernet  HWaddr 08:00:27:69:F4:A0" (net-tools 1.60, busybox).</summary>
    [GeneratedRegex(@"^(?<name>\S+)\s+Link encap:(?<encap>.+?)(\s+HWaddr (?<mac>[0-9A-Fa-f:]{17}))?\s*$")]
    private static partial Regex LegacyHeaderRegex();

    /// <summary>"inet 10.0.0.4  netmask 255.255.255.0  broadcast 10.0.0.255" or "inet addr:10.0.0.4  Bcast:10.0.0.255  Mask:255.255.255.0" (also "destination"/"P-t-P:").</summary>
    [GeneratedRegex(@"^inet (addr:)?(?<addr>[0-9.]+)(\s+(P-t-P:|destination )(?<peer>[0-9.]+))?(\s+(Bcast:|broadcast )(?<bcast>[0-9.]+))?\s+(Mask:|netmask )(?<mask>[0-9.]+)(\s+(broadcast|destination) (?<bcast>[0-9.]+))?\s*$")]
    private static partial Regex InetRegex();

    /// <summary>"inet6 fe80::1  prefixlen 64  scopeid 0x20&lt;link&gt;" or "inet6 addr: fe80::1/64 Scope:Link".</summary>
    [GeneratedRegex(@"^inet6 (addr:\s*(?<addr>[0-9A-Fa-f:.]+)/(?<len>\d+)\s+Scope:(?<scope>\w+)|(?<addr>[0-9A-Fa-f:.]+)\s+prefixlen (?<len>\d+)(\s+scopeid 0x[0-9a-f]+<(?<scope>\w+)>)?)\s*$")]
    private static partial Regex Inet6Regex();

    [GeneratedRegex(@"^(?<flags>[A-Z][A-Z ]*?)\s+MTU:(?<mtu>\d+)(\s+Metric:\d+)?\s*$")]
    private static partial Regex LegacyFlagsRegex();

    [GeneratedRegex(@"^ether (?<mac>[0-9A-Fa-f:]{17})\b")]
    private static partial Regex EtherRegex();

    /// <summary>Counter, queue and hardware lines neither layout's facts model.</summary>
    [GeneratedRegex(@"^(RX |TX |RX packets|TX packets|RX bytes|collisions:|Interrupt:|Memory:|Base address:|device |unspec |tunnel |txqueuelen)")]
    private static partial Regex CountersRegex();

    /// <summary>The command line of a pasted session, after any prompt: "[root@k8s01 ~]# ifconfig docker0", "/ # ifconfig -a", "ifconfig -a".</summary>
    [GeneratedRegex(@"^(.{0,80}?[#$>]\s*)?(sudo\s+)?(\S*/)?ifconfig(\s|$)")]
    private static partial Regex CommandRegex();
}
