using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace NetDoctor.Facts;

/// <summary>
/// An IPv4 or IPv6 prefix (network address + prefix length), built on <see cref="IPNetwork"/>.
/// Unlike <see cref="IPNetwork.Parse(string)"/> it accepts host bits ("192.168.21.10/24") and keeps them
/// in <see cref="Address"/>, because interface addresses are written that way; <see cref="Network"/> is always canonical.
/// A bare address parses as a host prefix (/32 or /128).
/// </summary>
public readonly record struct Cidr : IComparable<Cidr>
{
    public Cidr(IPAddress address, int prefixLength)
    {
        ArgumentNullException.ThrowIfNull(address);
        int max = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max)
            throw new ArgumentOutOfRangeException(nameof(prefixLength), $"prefix length {prefixLength} is out of range 0..{max}");
        Address = address;
        Network = new IPNetwork(Mask(address, prefixLength), prefixLength);
    }

    /// <summary>The address as written (may have host bits set).</summary>
    public IPAddress Address { get; }

    /// <summary>The canonical network (host bits cleared).</summary>
    public IPNetwork Network { get; }

    public int PrefixLength => Network.PrefixLength;
    public IPAddress NetworkAddress => Network.BaseAddress;
    public bool IsIPv4 => Address.AddressFamily == AddressFamily.InterNetwork;
    public bool IsIPv6 => Address.AddressFamily == AddressFamily.InterNetworkV6;
    public bool IsHost => PrefixLength == (IsIPv4 ? 32 : 128);
    public bool IsDefault => PrefixLength == 0;

    /// <summary>This prefix as a network (host bits cleared): "192.168.21.10/24" -> "192.168.21.0/24".</summary>
    public Cidr Canonical => new(Network.BaseAddress, PrefixLength);

    public bool Contains(IPAddress address) => address is not null && Network.Contains(address);

    /// <summary>True when every address of <paramref name="other"/> is in this prefix.</summary>
    public bool Contains(Cidr other) =>
        SameFamily(other) && other.PrefixLength >= PrefixLength && Network.Contains(other.NetworkAddress);

    /// <summary>True when the two prefixes share at least one address (one contains the other).</summary>
    public bool Overlaps(Cidr other) => Contains(other) || other.Contains(this);

    public bool SameFamily(Cidr other) => Address.AddressFamily == other.Address.AddressFamily;

    public static Cidr Parse(string text) =>
        TryParse(text, out var cidr) ? cidr : throw new FormatException($"'{text}' is not an IP address or CIDR");

    public static bool TryParse([NotNullWhen(true)] string? text, out Cidr cidr)
    {
        cidr = default;
        return text is not null && TryParse(text.AsSpan(), out cidr);
    }

    public static bool TryParse(ReadOnlySpan<char> text, out Cidr cidr)
    {
        cidr = default;
        var span = text.Trim();
        if (span.IsEmpty) return false;
        int slash = span.IndexOf('/');
        var addrPart = slash >= 0 ? span[..slash] : span;
        // "default" is how ip(8) and BIRD write 0.0.0.0/0.
        if (addrPart.SequenceEqual("default") && slash < 0)
        {
            cidr = new Cidr(IPAddress.Any, 0);
            return true;
        }
        if (!IPAddress.TryParse(addrPart, out var address)) return false;
        // Reject things IPAddress.TryParse is lenient about ("10", "10.1") that no tool prints for a CIDR.
        if (address.AddressFamily == AddressFamily.InterNetwork && addrPart.Count('.') != 3) return false;
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0) address = new IPAddress(address.GetAddressBytes());
        int max = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        int prefix = max;
        if (slash >= 0 && (!int.TryParse(span[(slash + 1)..], System.Globalization.NumberStyles.None, null, out prefix) || prefix > max))
            return false;
        cidr = new Cidr(address, prefix);
        return true;
    }

    public int CompareTo(Cidr other)
    {
        int c = Address.AddressFamily.CompareTo(other.Address.AddressFamily);
        if (c != 0) return c;
        c = NetworkAddress.GetAddressBytes().AsSpan().SequenceCompareTo(other.NetworkAddress.GetAddressBytes());
        return c != 0 ? c : PrefixLength.CompareTo(other.PrefixLength);
    }

    public bool Equals(Cidr other) =>
        PrefixLength == other.PrefixLength && (Address?.Equals(other.Address) ?? other.Address is null);

    public override int GetHashCode() => HashCode.Combine(Address, PrefixLength);

    public override string ToString() => Address is null ? "" : $"{Address}/{PrefixLength}";

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        // A host prefix has no host bits to clear: share the address (most prefixes in a big dump are /32 endpoints).
        // (An IPv6 address with a zone is still copied: the network never carries the zone.)
        if (address.AddressFamily == AddressFamily.InterNetwork ? prefix == 32 : prefix == 128 && address.ScopeId == 0) return address;
        var bytes = address.GetAddressBytes();
        for (int i = 0; i < bytes.Length; i++)
        {
            int bits = Math.Clamp(prefix - i * 8, 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }
        return new IPAddress(bytes);
    }
}
