using System.Net;

namespace NetDoctor.Facts;

/// <summary>One status.addresses entry of a Kubernetes Node: type InternalIP / ExternalIP / Hostname / InternalDNS...</summary>
public sealed record KubeNodeAddress(string Type, string Address)
{
    /// <summary>The address parsed; null for Hostname / DNS entries.</summary>
    public IPAddress? Ip => !Address.Contains('/') && Facts.Cidr.TryParse(Address, out var c) ? c.Address : null;
}

/// <summary>A Kubernetes Node object. <see cref="Fact.Node"/> stays null (a cluster object); <see cref="Name"/> is the node it describes.</summary>
public sealed record KubeNode : Fact
{
    public required string Name { get; init; }
    public IReadOnlyList<KubeNodeAddress> Addresses { get; init; } = [];
    public IReadOnlyList<Cidr> PodCidrs { get; init; } = [];
    /// <summary>The Ready condition; null when the object has no status.</summary>
    public bool? Ready { get; init; }
    /// <summary>Annotations Calico writes on the node (projectcalico.org/IPv4Address, .../IPv4IPIPTunnelAddr ...).</summary>
    public IReadOnlyDictionary<string, string> CalicoAnnotations { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IEnumerable<IPAddress> InternalIps => AddressesOf("InternalIP");
    public IEnumerable<IPAddress> ExternalIps => AddressesOf("ExternalIP");
    public IEnumerable<IPAddress> IpAddresses => Addresses.Select(a => a.Ip).OfType<IPAddress>();

    /// <summary>projectcalico.org/IPv4Address parsed ("192.168.21.10/24"), when annotated.</summary>
    public Cidr? CalicoIpv4Address =>
        CalicoAnnotations.TryGetValue("projectcalico.org/IPv4Address", out var v) && Cidr.TryParse(v, out var c) ? c : null;

    private IEnumerable<IPAddress> AddressesOf(string type) =>
        Addresses.Where(a => a.Type == type).Select(a => a.Ip).OfType<IPAddress>();

    public override string Summary =>
        $"node {Name} " + string.Join(" ", Addresses.Where(a => a.Ip is not null).Select(a => $"{a.Type}={a.Address}")) +
        (PodCidrs.Count > 0 ? " podCIDR " + string.Join(",", PodCidrs) : "");
}
