using System.Net;
using NetDoctor.Facts;

namespace NetDoctor.Packs.Tests.TestFacts;

// Small stand-ins for the real fact records, so the pack tests do not depend on how the Facts project evolves.

public sealed record IpPool : Fact
{
    public required string Name { get; init; }
    public required Cidr Cidr { get; init; }
    public bool NatOutgoing { get; init; }
    public bool Disabled { get; init; }
    public override string Summary => $"{Name} {Cidr}";
}

public sealed record NodeAddress : Fact
{
    public required string Interface { get; init; }
    public required Cidr Address { get; init; }
    public IReadOnlyList<string> Flags { get; init; } = [];
    public override string Summary => $"{Interface} {Address}";
}

public enum RouteKind
{
    Unicast,
    Blackhole,
}

public sealed record Route : Fact
{
    public required Cidr Destination { get; init; }
    public IPAddress? Gateway { get; init; }
    public string? Device { get; init; }
    public RouteKind Kind { get; init; }
    public int? Metric { get; init; }
    public override string Summary => Destination + (Gateway is null ? "" : $" via {Gateway}") + (Device is null ? "" : $" dev {Device}");
}

public static class TestCatalog
{
    public static NetDoctor.Packs.Types.FactTypeCatalog Instance { get; } =
        NetDoctor.Packs.Types.FactTypeCatalog.Empty.With(typeof(IpPool), typeof(NodeAddress), typeof(Route));
}

public enum PeerState
{
    Idle,
    Established,
}

public sealed record Hop(System.Net.IPAddress Gateway, int Weight);

/// <summary>A positional record with nested records, lists, a dictionary and nullables, to exercise the test-fact binder.</summary>
public sealed record BgpSession(string Peer, PeerState State, IReadOnlyList<Hop> Hops) : Fact
{
    public int? HoldTime { get; init; }
    public Cidr? Network { get; init; }
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
    public string[] Tags { get; init; } = [];
    public override string Summary => $"{Peer} {State}";
}
