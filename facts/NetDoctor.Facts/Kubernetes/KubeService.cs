using System.Net;

namespace NetDoctor.Facts;

/// <summary>One port of a Service; <see cref="TargetPort"/> is a number or a named container port.</summary>
public sealed record KubeServicePort(string? Name, string Protocol, int Port, string? TargetPort, int? NodePort);

/// <summary>A Kubernetes Service.</summary>
public sealed record KubeService : Fact
{
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    /// <summary>ClusterIP, NodePort, LoadBalancer or ExternalName.</summary>
    public string Type { get; init; } = "ClusterIP";
    /// <summary>spec.clusterIPs (or clusterIP); empty for headless ("None") and ExternalName services.</summary>
    public IReadOnlyList<IPAddress> ClusterIps { get; init; } = [];
    public bool Headless { get; init; }
    public IReadOnlyList<KubeServicePort> Ports { get; init; } = [];
    /// <summary>Empty when the service has no selector (its endpoints are managed by hand, like "kubernetes").</summary>
    public IReadOnlyDictionary<string, string> Selector { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<IPAddress> ExternalIps { get; init; } = [];

    public IPAddress? ClusterIp => ClusterIps.Count > 0 ? ClusterIps[0] : null;

    public override string Summary =>
        $"service {Namespace}/{Name} {Type} {string.Join(",", ClusterIps)} " + string.Join(",", Ports.Select(p => $"{p.Port}/{p.Protocol}"));
}
