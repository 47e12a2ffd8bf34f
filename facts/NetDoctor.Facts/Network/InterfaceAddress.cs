using System.Net;

namespace NetDoctor.Facts;

/// <summary>
/// One address configured on a node's interface (`ip addr`). <see cref="Address"/> keeps the host bits
/// ("192.168.21.10/24"), so it is both the node's address and, through <see cref="Cidr.Canonical"/>, its subnet.
/// </summary>
public sealed record InterfaceAddress : Fact
{
    public required string Interface { get; init; }
    public int? InterfaceIndex { get; init; }
    public required Cidr Address { get; init; }
    public IpFamily Family => IpFamilyNames.Of(Address);
    public Scope Scope { get; init; } = Scope.Global;
    /// <summary>The address label ("eth0:1"); null when it is just the interface name.</summary>
    public string? Label { get; init; }
    /// <summary>Point-to-point peer ("inet 10.0.0.1 peer 10.0.0.2/32").</summary>
    public Cidr? Peer { get; init; }
    public IPAddress? Broadcast { get; init; }
    /// <summary>Address flags as printed: secondary, dynamic, noprefixroute, tentative, deprecated, dadfailed...</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    public bool IsSecondary => Flags.Contains("secondary");

    public override string Summary => $"{Interface} {Address}" + (Scope == Scope.Global ? "" : $" scope {Scope.ToString().ToLowerInvariant()}");
}
