using System.Net;

namespace NetDoctor.Facts;

/// <summary>Status of one container of a pod: restarts and why the previous run ended.</summary>
public sealed record KubeContainerStatus(string Name, bool Ready, int RestartCount, string? State, string? StateReason, string? LastTerminationReason, int? LastExitCode)
{
    public bool CrashLooping => StateReason == "CrashLoopBackOff";
}

/// <summary>A Kubernetes Pod.</summary>
public sealed record KubePod : Fact
{
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    public string? NodeName { get; init; }
    public IReadOnlyList<IPAddress> PodIps { get; init; } = [];
    public IPAddress? HostIp { get; init; }
    public bool HostNetwork { get; init; }
    /// <summary>Pending, Running, Succeeded, Failed or Unknown; null without status.</summary>
    public string? Phase { get; init; }
    public string? ServiceAccount { get; init; }
    public IReadOnlyList<KubeContainerStatus> Containers { get; init; } = [];
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    /// <summary>The owning controller's kind/name ("DaemonSet/calico-node"), when owned.</summary>
    public string? Owner { get; init; }

    public int Restarts => Containers.Sum(c => c.RestartCount);

    public override string Summary =>
        $"pod {Namespace}/{Name} on {NodeName ?? "?"} {Phase ?? ""} {string.Join(",", PodIps)}" + (Restarts > 0 ? $" restarts {Restarts}" : "");
}
