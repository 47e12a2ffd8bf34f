using System.Net;

namespace NetDoctor.Facts;

/// <summary>Transport of an IPVS virtual service; FWM services match a firewall mark instead of an address.</summary>
public enum IpvsProtocol
{
    Tcp,
    Udp,
    Sctp,
    Fwm,
}

/// <summary>
/// One IPVS virtual service (`ipvsadm -Ln` "TCP 10.20.0.1:443 rr persistent 10800" or `ipvsadm -Sn` "-A -t 10.20.0.1:443 -s rr -p 10800").
/// kube-proxy in IPVS mode creates one per ClusterIP:port.
/// </summary>
public sealed record IpvsService : Fact
{
    public required IpvsProtocol Protocol { get; init; }
    /// <summary>Null for firewall-mark services.</summary>
    public IPAddress? Address { get; init; }
    public int Port { get; init; }
    public int? FirewallMark { get; init; }
    public string Scheduler { get; init; } = "";
    public bool Persistent => PersistenceTimeout is not null;
    /// <summary>Persistence timeout in seconds.</summary>
    public int? PersistenceTimeout { get; init; }

    /// <summary>"10.20.0.1:443", "[fd00::1]:443" or "fwm 7": the key destinations use to name their service.</summary>
    public string Key => IpvsKeys.Of(Protocol, Address, Port, FirewallMark);

    public override string Summary => $"IPVS {Protocol.ToString().ToUpperInvariant()} {Key} {Scheduler}" + (Persistent ? $" persistent {PersistenceTimeout}" : "");
}

public static class IpvsKeys
{
    public static string Of(IpvsProtocol protocol, IPAddress? address, int port, int? mark) =>
        protocol == IpvsProtocol.Fwm || address is null
            ? $"fwm {mark}"
            : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]:{port}" : $"{address}:{port}";
}
