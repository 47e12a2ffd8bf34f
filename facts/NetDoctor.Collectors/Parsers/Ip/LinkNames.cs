using System.Net.NetworkInformation;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Ip;

/// <summary>Shared vocabulary of `ip link` / `ip addr`: states, MAC addresses, link kinds.</summary>
internal static class LinkNames
{
    public static LinkState State(ReadOnlySpan<char> text) => text switch
    {
        "UP" => LinkState.Up,
        "DOWN" => LinkState.Down,
        "LOWERLAYERDOWN" => LinkState.LowerLayerDown,
        "DORMANT" => LinkState.Dormant,
        "NOTPRESENT" => LinkState.NotPresent,
        "TESTING" => LinkState.Testing,
        _ => LinkState.Unknown,
    };

    public static PhysicalAddress? Mac(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return null;
        return PhysicalAddress.TryParse(text.ToString().ToUpperInvariant(), out var mac) ? mac : null;
    }

    /// <summary>Driver kinds printed first on the detail line of `ip -d link` (bridge_slave-style lines are port info, not kinds).</summary>
    public static readonly HashSet<string> Kinds = new(StringComparer.Ordinal)
    {
        "veth", "bridge", "vxlan", "ipip", "dummy", "vlan", "macvlan", "macvtap", "ipvlan", "ipvtap", "tun", "gre", "gretap",
        "ip6gre", "ip6tnl", "sit", "wireguard", "bond", "team", "geneve", "vrf", "nlmon", "ifb", "xfrm", "vti", "ip6_vti", "erspan", "can",
    };

    /// <summary>Address flags ip prints after "scope X" (anything else there is the label).</summary>
    public static readonly HashSet<string> AddressFlags = new(StringComparer.Ordinal)
    {
        "secondary", "primary", "temporary", "dynamic", "noprefixroute", "tentative", "deprecated", "dadfailed", "home",
        "nodad", "optimistic", "mngtmpaddr", "stable-privacy", "autojoin", "permanent",
    };
}
