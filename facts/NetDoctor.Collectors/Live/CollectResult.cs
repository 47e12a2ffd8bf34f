namespace NetDoctor.Collectors.Live;

/// <summary>One command of a collection as the manifest records it. Status is "ok", "failed" or "skipped".</summary>
public sealed record CommandRecord(string Id, string Command, string? File, string Status, int? ExitCode, long DurationMs, string? Reason);

/// <summary>A file copied from the host (kube-proxy configuration, container logs).</summary>
public sealed record CopiedFileRecord(string File, string From, string Status, string? Reason);

/// <summary>One kind of cluster object fetched from the API server.</summary>
public sealed record ClusterObjectRecord(string File, int Count, string? Error);

/// <summary>What happened to cluster collection: Status is "collected", "partial", "skipped" or "failed".</summary>
public sealed record ClusterRecord(string Status, string? Reason, IReadOnlyList<ClusterObjectRecord> Objects)
{
    public static ClusterRecord Skipped(string reason) => new("skipped", reason, []);
}

/// <summary>The outcome of a live collection; the same content is in the bundle's manifest.yaml.</summary>
public sealed record CollectResult(
    string OutputPath,
    string NodeName,
    string Host,
    DateTimeOffset Time,
    IReadOnlyList<CommandRecord> Commands,
    IReadOnlyList<CopiedFileRecord> CopiedFiles,
    ClusterRecord Cluster,
    IReadOnlyDictionary<string, int> Redactions,
    IReadOnlyList<string> Files)
{
    public IEnumerable<CommandRecord> Failures => Commands.Where(c => c.Status == "failed");

    /// <summary>"complete", or "interrupted" when Ctrl-C / cancellation stopped the collection (the manifest says the same).</summary>
    public string Status { get; init; } = ManifestWriter.Complete;

    public bool Interrupted => Status == ManifestWriter.Interrupted;
}
