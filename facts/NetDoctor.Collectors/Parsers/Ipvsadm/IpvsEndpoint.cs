using System.Globalization;
using System.Net;

namespace NetDoctor.Collectors.Parsers.Ipvsadm;

/// <summary>ipvsadm's "address:port" / "[v6]:port" notation.</summary>
internal static class IpvsEndpoint
{
    public static bool TryParse(string text, out IPAddress address, out int port)
    {
        address = IPAddress.None;
        port = 0;
        int colon = text.LastIndexOf(':');
        if (colon <= 0) return false;
        var host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']')) host = host[1..^1];
        else if (host.Contains(':')) return false;
        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535) return false;
        if (!host.Contains(':') && host.Count(c => c == '.') != 3) return false;
        return IPAddress.TryParse(host, out address!);
    }
}
