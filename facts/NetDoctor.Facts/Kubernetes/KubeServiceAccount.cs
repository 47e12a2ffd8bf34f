namespace NetDoctor.Facts;

/// <summary>A Kubernetes ServiceAccount (RBAC subjects point at it; a missing one explains 401s of a controller).</summary>
public sealed record KubeServiceAccount : Fact
{
    public required string Namespace { get; init; }
    public required string Name { get; init; }

    public override string Summary => $"serviceaccount {Namespace}/{Name}";
}
