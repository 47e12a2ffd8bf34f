using System.Net;

namespace NetDoctor.Facts;

/// <summary>How IPVS forwards to a real server (ipvsadm "Masq" / "Route" / "Tunnel", or -m / -g / -i).</summary>
public enum IpvsForwarding
{
    Unknown,
    Masq,
    Route,
    Tunnel,
}

/// <summary>One real server behind an IPVS virtual service.</summary>
public sealed record IpvsDestination : Fact
{
    public required IpvsProtocol ServiceProtocol { get; init; }
    public IPAddress? ServiceAddress { get; init; }
    public int ServicePort { get; init; }
    public int? ServiceFirewallMark { get; init; }
    public required IPAddress Address { get; init; }
    public int Port { get; init; }
    public IpvsForwarding Forwarding { get; init; }
    public int Weight { get; init; }
    /// <summary>Only `ipvsadm -Ln` prints connection counters; null from `-Sn`.</summary>
    public int? ActiveConnections { get; init; }
    public int? InactiveConnections { get; init; }

    public string ServiceKey => IpvsKeys.Of(ServiceProtocol, ServiceAddress, ServicePort, ServiceFirewallMark);

    public override string Summary => $"IPVS {ServiceKey} -> {IpvsKeys.Of(IpvsProtocol.Tcp, Address, Port, null)} {Forwarding} weight {Weight}";
}
