using System.Net.NetworkInformation;

namespace NetDoctor.Facts;

/// <summary>Operational state as `ip link` prints it after "state".</summary>
public enum LinkState
{
    Unknown,
    Up,
    Down,
    LowerLayerDown,
    Dormant,
    NotPresent,
    Testing,
}

/// <summary>One network interface of a node (`ip link`, or the link lines of `ip addr`).</summary>
public sealed record NetworkLink : Fact
{
    public int Index { get; init; }
    public required string Name { get; init; }
    /// <summary>
    /// What follows '@' in "cali123@if4" / "eth0@if12" / "vlan10@eth0": the peer ifindex ("if4") of a veth
    /// or the lower device of a vlan/macvlan.
    /// </summary>
    public string? Parent { get; init; }
    /// <summary>The link-layer type after "link/": ether, loopback, ipip, none, void...</summary>
    public string? LinkType { get; init; }
    /// <summary>The driver kind when known (`ip -d link` / JSON linkinfo.info_kind): veth, bridge, ipip, vxlan, dummy...</summary>
    public string? Kind { get; init; }
    public LinkState State { get; init; }
    public int? Mtu { get; init; }
    /// <summary>Flags between angle brackets: UP, LOWER_UP, BROADCAST, NOARP, MULTICAST...</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
    public string? Master { get; init; }
    public PhysicalAddress? Mac { get; init; }

    /// <summary>Administratively up (the UP flag), whatever the carrier.</summary>
    public bool IsUp => Flags.Contains("UP");
    public bool HasCarrier => Flags.Contains("LOWER_UP");

    public override string Summary =>
        $"{Index}: {Name}{(Parent is null ? "" : "@" + Parent)} {State.ToString().ToLowerInvariant()}" +
        (Mtu is { } m ? $" mtu {m}" : "") + (Master is null ? "" : $" master {Master}");
}
