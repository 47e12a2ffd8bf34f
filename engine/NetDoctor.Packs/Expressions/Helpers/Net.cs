using System.Net;
using System.Net.Sockets;
using NetDoctor.Facts;

namespace NetDoctor.Packs.Expressions.Helpers;

/// <summary>CIDR and address helpers reachable from rule expressions as <c>Net.Contains(pool.Cidr, addr.Address.Address)</c>.</summary>
public static class Net
{
    public static bool Contains(Cidr network, IPAddress? address) => address is not null && network.Contains(address);

    public static bool Contains(Cidr network, Cidr other) => network.Contains(other);

    public static bool Contains(string network, string address) =>
        Cidr.TryParse(network, out var n) && Cidr.TryParse(address, out var a) && n.Contains(a);

    public static bool Overlaps(Cidr a, Cidr b) => a.Overlaps(b);

    public static bool Overlaps(string a, string b) => Cidr.TryParse(a, out var x) && Cidr.TryParse(b, out var y) && x.Overlaps(y);

    /// <summary>Parses "10.96.0.0/12", "10.0.0.1" or "default"; an unparsable text gives 0.0.0.0/32, which contains nothing useful.</summary>
    public static Cidr ParseCidr(string? text) => Cidr.TryParse(text, out var cidr) ? cidr : new Cidr(IPAddress.Any, 32);

    public static bool IsCidr(string? text) => Cidr.TryParse(text, out _);

    public static IPAddress? ParseIp(string? text) => IPAddress.TryParse(text, out var ip) ? ip : null;

    public static bool IsIPv4(IPAddress? address) => address?.AddressFamily == AddressFamily.InterNetwork;

    public static bool IsIPv6(IPAddress? address) => address?.AddressFamily == AddressFamily.InterNetworkV6;

    public static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);

    /// <summary>True for the two CIDRs having the same network and length ("10.0.0.5/24" equals "10.0.0.0/24").</summary>
    public static bool SameNetwork(Cidr a, Cidr b) => a.Canonical == b.Canonical;

    public static bool SameAddress(IPAddress? a, IPAddress? b) => a is not null && b is not null && a.Equals(b);

    /// <summary>
    /// The smallest prefix that holds every CIDR of the first one's family: the nodes' podCIDRs 10.244.0.0/24 and
    /// 10.244.3.0/24 give 10.244.0.0/22. A lower bound for the cluster CIDR they were cut from (which may be larger).
    /// An empty list gives 0.0.0.0/32, like an unparsable <see cref="ParseCidr"/>.
    /// </summary>
    public static Cidr Supernet(IEnumerable<Cidr>? cidrs)
    {
        var list = cidrs?.ToList() ?? [];
        if (list.Count == 0) return new Cidr(IPAddress.Any, 32);
        var family = list[0].Address.AddressFamily;
        var same = list.Where(c => c.Address.AddressFamily == family).ToList();
        var first = same[0].NetworkAddress.GetAddressBytes();
        int prefix = same.Min(c => c.PrefixLength);
        foreach (var c in same.Skip(1))
        {
            var bytes = c.NetworkAddress.GetAddressBytes();
            prefix = Math.Min(prefix, CommonPrefix(first, bytes));
        }
        return new Cidr(new IPAddress(first), prefix).Canonical;
    }

    private static int CommonPrefix(byte[] a, byte[] b)
    {
        for (int i = 0; i < a.Length; i++)
        {
            int diff = a[i] ^ b[i];
            if (diff != 0) return i * 8 + System.Numerics.BitOperations.LeadingZeroCount((uint)diff) - 24;
        }
        return a.Length * 8;
    }
}
