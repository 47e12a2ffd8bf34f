namespace NetDoctor.Facts;

/// <summary>The components whose settings the network diagnoses depend on.</summary>
public enum ComponentKind
{
    KubeProxy,
    KubeApiServer,
    Kubelet,
    CalicoNode,
    KubeControllerManager,
}

/// <summary>Where a setting came from. When a component reads both, flags win over its config file (kube-proxy, kubelet).</summary>
public enum SettingOrigin
{
    ConfigFile,
    Environment,
    Flag,
}

/// <summary>One setting with its own provenance, so a diagnosis can point at the exact flag or config line.</summary>
public sealed record ComponentSetting(string Key, string Value, SettingOrigin Origin, Source Source);

/// <summary>
/// The settings of one component instance on one node, from one source (a command line, a config file, a pod's env),
/// or — after <c>ComponentSettingsMerger</c> — merged from all of them.
/// Keys: flags without dashes ("cluster-cidr"), config-file fields by YAML path ("clusterCIDR", "iptables.masqueradeAll"),
/// environment variables by name ("IP_AUTODETECTION_METHOD").
/// </summary>
public sealed record ComponentSettings : Fact
{
    public required ComponentKind Component { get; init; }
    public IReadOnlyDictionary<string, ComponentSetting> Settings { get; init; } = new Dictionary<string, ComponentSetting>();
    /// <summary>The config file the command line names (--config / --kubeconfig is not one), when any.</summary>
    public string? ConfigFile { get; init; }
    /// <summary>The process id when read from a process listing.</summary>
    public int? Pid { get; init; }
    /// <summary>True for the result of merging flags, config file and environment.</summary>
    public bool Merged { get; init; }

    public string? Get(string key) => Settings.TryGetValue(key, out var s) ? s.Value : null;

    public override string Summary => $"{Component} settings ({Settings.Count})" + (Merged ? " merged" : "");
}
