using System.Net;

namespace NetDoctor.Facts;

/// <summary>One gateway of a multipath route ("nexthop via 10.0.0.1 dev eth0 weight 1").</summary>
public sealed record NextHop(IPAddress? Gateway, string? Device, int Weight, bool OnLink, IReadOnlyList<string> Flags)
{
    public override string ToString() =>
        (Gateway is null ? "" : $"via {Gateway} ") + (Device is null ? "" : $"dev {Device} ") + $"weight {Weight}";
}

/// <summary>
/// One entry of a node's routing tables (`ip route show table all`, `ip -j route`, `route -n`).
/// "default" is stored as 0.0.0.0/0 or ::/0; a route with no "table" is in "main".
/// </summary>
public sealed record Route : Fact
{
    public const string MainTable = "main";

    public string Table { get; init; } = MainTable;
    /// <summary>The numeric id when known: main 254, local 255, default 253, or the number written.</summary>
    public int? TableId { get; init; }
    public RouteType Type { get; init; } = RouteType.Unicast;
    public required Cidr Destination { get; init; }
    public IPAddress? Gateway { get; init; }
    public string? Device { get; init; }
    public RouteProtocol Protocol { get; init; }
    /// <summary>The protocol as written ("bird", "static", "186"); null when absent.</summary>
    public string? ProtocolName { get; init; }
    public Scope Scope { get; init; } = Scope.Global;
    public IPAddress? PreferredSource { get; init; }
    public int? Metric { get; init; }
    public bool OnLink { get; init; }
    public IReadOnlyList<NextHop> NextHops { get; init; } = [];
    /// <summary>Route flags: linkdown, dead, pervasive, offload, notify...; for `route -n` the letters (U, G, H, !...).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
    /// <summary>Other attributes kept verbatim (mtu, advmss, pref, expires, cache...).</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = EmptyOptions;

    public bool IsDefault => Destination.IsDefault;
    public bool IsMultipath => NextHops.Count > 0;
    public bool IsLinkDown => Flags.Contains("linkdown");

    /// <summary>True when this route can carry traffic (not a reject type, not a local/broadcast entry).</summary>
    public bool Forwards => Type is RouteType.Unicast && !Flags.Contains("dead");

    public override string Summary =>
        (Type == RouteType.Unicast ? "" : Type.ToString().ToLowerInvariant() + " ") +
        (IsDefault ? "default" : Destination.ToString()) +
        (Gateway is null ? "" : $" via {Gateway}") +
        (Device is null ? "" : $" dev {Device}") +
        (ProtocolName is null ? "" : $" proto {ProtocolName}") +
        (Table == MainTable ? "" : $" table {Table}");

    internal static readonly IReadOnlyDictionary<string, string> EmptyOptions = new Dictionary<string, string>();
}
