namespace NetDoctor.Facts;

/// <summary>The first line of `calicoctl node status`: whether the calico-node process (BIRD/Felix) runs on the node.</summary>
public sealed record CalicoProcessStatus : Fact
{
    public required bool Running { get; init; }
    /// <summary>Peers listed in the IPv4 and IPv6 tables (0 with "No IPv4 peers found.").</summary>
    public int Ipv4Peers { get; init; }
    public int Ipv6Peers { get; init; }

    public override string Summary => $"Calico process is {(Running ? "running" : "not running")}, {Ipv4Peers} IPv4 / {Ipv6Peers} IPv6 BGP peer(s)";
}
