using System.Globalization;

namespace NetDoctor.Collectors.Parsers.Iptables;

/// <summary>Netfilter numbers: marks in hex ("0x4000") or decimal, ports, counters.</summary>
internal static class Numbers
{
    public static bool TryParseUInt(ReadOnlySpan<char> text, out uint value)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return uint.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>"VALUE" or "VALUE/MASK".</summary>
    public static bool TryParseMark(ReadOnlySpan<char> text, out uint value, out uint? mask)
    {
        mask = null;
        int slash = text.IndexOf('/');
        if (slash < 0) return TryParseUInt(text, out value);
        if (!TryParseUInt(text[..slash], out value) || !TryParseUInt(text[(slash + 1)..], out var m)) return false;
        mask = m;
        return true;
    }

    public static bool TryParseLong(ReadOnlySpan<char> text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public static bool TryParseInt(ReadOnlySpan<char> text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>"80" or "8000:8080" (iptables writes ranges with ':').</summary>
    public static bool TryParsePortRange(ReadOnlySpan<char> text, out Facts.PortRange range)
    {
        range = default;
        int colon = text.IndexOf(':');
        if (colon < 0)
        {
            if (!TryParseInt(text, out var p) || p > 65535) return false;
            range = new Facts.PortRange(p, p);
            return true;
        }
        var lo = text[..colon];
        var hi = text[(colon + 1)..];
        int from = 0, to = 65535;
        if (!lo.IsEmpty && !TryParseInt(lo, out from)) return false;
        if (!hi.IsEmpty && !TryParseInt(hi, out to)) return false;
        if (from > to || to > 65535) return false;
        range = new Facts.PortRange(from, to);
        return true;
    }

    /// <summary>"[packets:bytes]".</summary>
    public static bool TryParseCounters(ReadOnlySpan<char> text, out long packets, out long bytes)
    {
        packets = bytes = 0;
        if (text.Length < 5 || text[0] != '[' || text[^1] != ']') return false;
        var inner = text[1..^1];
        int colon = inner.IndexOf(':');
        return colon > 0 && TryParseLong(inner[..colon], out packets) && TryParseLong(inner[(colon + 1)..], out bytes);
    }
}
