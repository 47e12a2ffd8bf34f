using System.Net;

namespace NetDoctor.Facts;

/// <summary>One entry of a Calico Node's spec.addresses (every address calico-node found on the host).</summary>
public sealed record CalicoNodeAddress(string Address, string? Type)
{
    /// <summary>The address parsed (host bits kept) when it is an address or CIDR.</summary>
    public Cidr? Cidr => Facts.Cidr.TryParse(Address, out var c) ? c : null;
}

/// <summary>
/// A Calico Node resource: the address calico-node chose for BGP (host bits and prefix kept, "192.168.21.10/24")
/// and its tunnel addresses. Its <see cref="Name"/> is the Calico node name, usually the Kubernetes node name.
/// </summary>
public sealed record CalicoNode : Fact
{
    public required string Name { get; init; }
    public Cidr? Ipv4Address { get; init; }
    public Cidr? Ipv6Address { get; init; }
    public IPAddress? Ipv4IpipTunnelAddr { get; init; }
    public IPAddress? Ipv4VxlanTunnelAddr { get; init; }
    public IPAddress? Ipv6VxlanTunnelAddr { get; init; }
    /// <summary>Null when the node uses the cluster default AS.</summary>
    public long? AsNumber { get; init; }
    public string? RouteReflectorClusterId { get; init; }
    public IReadOnlyList<CalicoNodeAddress> Addresses { get; init; } = [];
    /// <summary>The Kubernetes node name from spec.orchRefs (k8s), when present.</summary>
    public string? KubernetesNodeName { get; init; }

    public override string Summary => $"Calico node {Name}" + (Ipv4Address is { } a ? $" bgp {a}" : "") + (Ipv6Address is { } b ? $" bgp {b}" : "");
}
