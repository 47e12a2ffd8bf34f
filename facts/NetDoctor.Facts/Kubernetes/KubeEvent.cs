namespace NetDoctor.Facts;

/// <summary>
/// A Kubernetes event about one object, as `kubectl describe` lists it under "Events:": a kubelet's
/// "FailedCreatePodSandBox", "Unhealthy" (a failed probe), "BackOff"; a node's "NodeNotReady".
/// </summary>
public sealed record KubeEvent : Fact
{
    /// <summary>The object's namespace; null for cluster-scoped objects (a Node).</summary>
    public string? Namespace { get; init; }
    /// <summary>"Pod", "Node".</summary>
    public required string ObjectKind { get; init; }
    public required string ObjectName { get; init; }
    /// <summary>"Normal" or "Warning".</summary>
    public required string Type { get; init; }
    public required string Reason { get; init; }
    /// <summary>How long ago, as printed ("59m (x7 over 2d2h)" keeps only "59m").</summary>
    public string? Age { get; init; }
    /// <summary>How many times it happened (the "x7" of "(x7 over 2d2h)"); 1 when not repeated.</summary>
    public int Count { get; init; } = 1;
    /// <summary>The reporting component ("kubelet", "kubelet, k8smater1", "default-scheduler").</summary>
    public string? From { get; init; }
    public required string Message { get; init; }

    public bool IsWarning => Type == "Warning";

    public override string Summary =>
        $"event {ObjectKind.ToLowerInvariant()} {(Namespace is null ? "" : Namespace + "/")}{ObjectName} {Type} {Reason}" + (Count > 1 ? $" x{Count}" : "");
}
