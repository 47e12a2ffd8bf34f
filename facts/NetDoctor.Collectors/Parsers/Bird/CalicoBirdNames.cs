using System.Net;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Bird;

/// <summary>
/// Calico's confd templates name each BIRD BGP protocol after its peer: "Mesh_10_2_7_201" (node-to-node mesh),
/// "Global_…" (global BGPPeer), "Node_…" (node-specific BGPPeer), with '.' (IPv4) or ':' (IPv6) written as '_'
/// and, in newer releases, a "_port_&lt;n&gt;" suffix when the peer uses a non-standard port.
/// </summary>
public static class CalicoBirdNames
{
    public static bool TryDecode(string protocolName, out IPAddress address, out BgpPeerType type)
    {
        address = IPAddress.None;
        type = BgpPeerType.Unknown;
        int underscore = protocolName.IndexOf('_');
        if (underscore <= 0) return false;
        type = protocolName[..underscore] switch
        {
            "Mesh" => BgpPeerType.NodeMesh,
            "Global" => BgpPeerType.Global,
            "Node" => BgpPeerType.NodeSpecific,
            _ => BgpPeerType.Unknown,
        };
        if (type == BgpPeerType.Unknown) return false;
        var encoded = protocolName[(underscore + 1)..];
        int port = encoded.IndexOf("_port_", StringComparison.Ordinal);
        if (port >= 0) encoded = encoded[..port];
        // Four underscore-separated decimal groups are IPv4; anything else is IPv6 with ':' replaced.
        var parts = encoded.Split('_');
        var text = parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit))
            ? string.Join('.', parts)
            : encoded.Replace('_', ':');
        if (IPAddress.TryParse(text, out var parsed) && (parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || parts.Length == 4))
        {
            address = parsed;
            return true;
        }
        return false;
    }
}
