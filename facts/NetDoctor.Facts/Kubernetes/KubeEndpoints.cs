using System.Net;

namespace NetDoctor.Facts;

public sealed record KubeEndpointPort(string? Name, int Port, string Protocol);

/// <summary>
/// The endpoints of one Service, from an Endpoints object or one EndpointSlice (then <see cref="SliceName"/> is set;
/// a Service may have several slices, each its own fact).
/// </summary>
public sealed record KubeEndpoints : Fact
{
    public required string Namespace { get; init; }
    /// <summary>The Service these endpoints belong to (Endpoints name, or the slice's kubernetes.io/service-name label).</summary>
    public required string ServiceName { get; init; }
    public string? SliceName { get; init; }
    public IReadOnlyList<IPAddress> Addresses { get; init; } = [];
    public IReadOnlyList<IPAddress> NotReadyAddresses { get; init; } = [];
    public IReadOnlyList<KubeEndpointPort> Ports { get; init; } = [];

    public bool FromSlice => SliceName is not null;
    public bool Empty => Addresses.Count == 0;

    public override string Summary =>
        $"endpoints {Namespace}/{ServiceName} " + (Empty ? "(none ready)" :
            string.Join(",", Addresses.SelectMany(a => Ports.Count == 0 ? [a.ToString()] : Ports.Select(p => $"{a}:{p.Port}"))));
}
