namespace NetDoctor.Collectors.Live;

/// <summary>What `netdoctor collect` asks for.</summary>
public sealed record CollectOptions
{
    /// <summary>A directory (created; must be empty if it exists) or a path ending in .tar.gz / .tgz.</summary>
    public required string OutputPath { get; init; }

    /// <summary>Skip the Kubernetes API entirely (`--no-cluster`).</summary>
    public bool NoCluster { get; init; }

    /// <summary>The node folder name (`--node-name`); the host name when null.</summary>
    public string? NodeName { get; init; }

    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many independent commands run at once.</summary>
    public int MaxParallelism { get; init; } = 4;

    /// <summary>Time allowed for each Kubernetes API call.</summary>
    public TimeSpan ClusterTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>A kubeconfig file to use instead of KUBECONFIG / ~/.kube/config / in-cluster configuration.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>Copy container logs of networking pods from <see cref="PodLogDirectory"/>.</summary>
    public bool CollectContainerLogs { get; init; } = true;

    public string PodLogDirectory { get; init; } = "/var/log/pods";

    /// <summary>Only the end of each container log is kept.</summary>
    public long MaxLogBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Where /proc is (tests point it elsewhere).</summary>
    public string ProcRoot { get; init; } = "/proc";

    /// <summary>Where the host's users are: a component's own user (kube-proxy) is looked up here.</summary>
    public string PasswdFile { get; init; } = "/etc/passwd";

    /// <summary>A component configuration file larger than this is not copied.</summary>
    public long MaxConfigBytes { get; init; } = 1024 * 1024;

    /// <summary>Time allowed to read one component configuration file (a file on a hung mount must not stop collect).</summary>
    public TimeSpan ConfigReadTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
