using System.Net;

namespace NetDoctor.Facts;

public enum KubeProxyMode
{
    /// <summary>Unset: kube-proxy picks iptables on Linux.</summary>
    Default,
    Iptables,
    Ipvs,
    Nftables,
    Userspace,
    Unknown,
}

/// <summary>
/// kube-proxy's effective settings on one node (flags merged over its KubeProxyConfiguration).
/// <see cref="ClusterCidrs"/> empty with <see cref="MasqueradeAll"/> false is the incident-004 configuration.
/// </summary>
public sealed record KubeProxySettings : Fact
{
    public KubeProxyMode Mode { get; init; }
    public string? ModeText { get; init; }
    /// <summary>--cluster-cidr / clusterCIDR as written (null when unset, "" when set empty).</summary>
    public string? ClusterCidrText { get; init; }
    /// <summary>The comma-separated CIDRs of <see cref="ClusterCidrText"/> that parse (dual-stack gives two).</summary>
    public IReadOnlyList<Cidr> ClusterCidrs { get; init; } = [];
    public bool MasqueradeAll { get; init; }
    public IPAddress? BindAddress { get; init; }
    public string? HostnameOverride { get; init; }
    public string? ConfigFile { get; init; }
    public string? IpvsScheduler { get; init; }
    public bool? IpvsStrictArp { get; init; }
    /// <summary>Where <see cref="ClusterCidrText"/> came from, for evidence; null when unset.</summary>
    public Source? ClusterCidrSource { get; init; }

    public bool HasClusterCidr => ClusterCidrs.Count > 0;

    public override string Summary =>
        $"kube-proxy mode {ModeText ?? "default"} clusterCIDR {(HasClusterCidr ? string.Join(",", ClusterCidrs) : "unset")}" + (MasqueradeAll ? " masqueradeAll" : "");
}
