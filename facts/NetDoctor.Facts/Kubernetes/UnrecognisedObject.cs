namespace NetDoctor.Facts;

/// <summary>
/// An object of a kind NetDoctor has no fact for (a Deployment, a ConfigMap that is not kube-proxy's...).
/// Recorded so that a reader can see it was read and skipped, not lost.
/// </summary>
public sealed record UnrecognisedObject : Fact
{
    public required string Kind { get; init; }
    public string? ApiVersion { get; init; }
    public string? Name { get; init; }
    public string? Namespace { get; init; }

    public override string Summary => $"unrecognised {ApiVersion}/{Kind} {(Namespace is null ? "" : Namespace + "/")}{Name}";
}
