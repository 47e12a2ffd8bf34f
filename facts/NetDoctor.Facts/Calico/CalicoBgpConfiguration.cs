namespace NetDoctor.Facts;

/// <summary>A Calico BGPConfiguration ("default" is cluster-wide; "node.&lt;name&gt;" overrides one node).</summary>
public sealed record CalicoBgpConfiguration : Fact
{
    public required string Name { get; init; }
    /// <summary>Null when unset, which Calico treats as enabled.</summary>
    public bool? NodeToNodeMeshEnabled { get; init; }
    public long? AsNumber { get; init; }
    public IReadOnlyList<Cidr> ServiceClusterIps { get; init; } = [];
    public IReadOnlyList<Cidr> ServiceExternalIps { get; init; } = [];
    public IReadOnlyList<Cidr> ServiceLoadBalancerIps { get; init; } = [];
    public string? LogSeverityScreen { get; init; }

    public bool MeshEnabled => NodeToNodeMeshEnabled ?? true;

    public override string Summary => $"BGPConfiguration {Name} mesh {(MeshEnabled ? "on" : "off")} AS {AsNumber?.ToString() ?? "default"}";
}
