using System.Text.RegularExpressions;

namespace NetDoctor.Collectors.Parsers.Logs;

/// <summary>
/// What a log file's path says about who wrote it. Bundle names: "&lt;node&gt;/&lt;namespace&gt;/&lt;pod&gt;.log",
/// "&lt;pod&gt;.&lt;container&gt;.log" and "&lt;pod&gt;.&lt;container&gt;.previous.log" (the container's previous run).
/// The kubelet's and runtimes' own names: "/var/log/pods/&lt;namespace&gt;_&lt;pod&gt;_&lt;uid&gt;/&lt;container&gt;/0.log",
/// "/var/log/containers/&lt;pod&gt;_&lt;namespace&gt;_&lt;container&gt;-&lt;id&gt;.log", dockershim's
/// "k8s_&lt;container&gt;_&lt;pod&gt;_&lt;namespace&gt;_&lt;uid&gt;_&lt;n&gt;.log" (as `calicoctl node diags` saves `docker logs`),
/// and svlogd's "logs/&lt;component&gt;/current" (calico-node's felix, bird, confd).
/// </summary>
public sealed partial record LogFileName(string? Namespace, string? Pod, string? Container, bool Previous)
{
    public static LogFileName Of(string path)
    {
        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) return new(null, null, null, false);
        var name = segments[^1];
        if (Runtime(segments) is { } runtime) return runtime;
        if (name.EndsWith(".log", StringComparison.Ordinal)) name = name[..^4];
        else if (name.EndsWith(".txt", StringComparison.Ordinal)) name = name[..^4];
        bool previous = name.EndsWith(".previous", StringComparison.Ordinal);
        if (previous) name = name[..^9];
        string? container = null;
        int dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            container = name[(dot + 1)..];
            name = name[..dot];
        }
        // Only the documented layout has a namespace folder; calicoctl diags keep logs under "logs/".
        string? ns = segments.Length >= 3 && segments[^2] != "logs" ? segments[^2] : null;
        return new(ns, name.Length == 0 ? null : name, container, previous);
    }

    /// <summary>The names the kubelet, dockershim and svlogd give log files, which carry more than the bundle's names.</summary>
    private static LogFileName? Runtime(string[] segments)
    {
        var name = segments[^1];
        Match m;
        if (segments.Length >= 3 && RunDigitsRegex().IsMatch(name) && (m = PodDirectoryRegex().Match(segments[^3])).Success)
            return new(m.Groups[1].Value, m.Groups[2].Value, segments[^2], false);
        if ((m = ContainersLinkRegex().Match(name)).Success)
            return new(m.Groups[2].Value, m.Groups[1].Value, m.Groups[3].Value, false);
        if ((m = DockershimRegex().Match(name)).Success)
            return new(m.Groups[3].Value, m.Groups[2].Value, m.Groups[1].Value, false);
        if (segments.Length >= 2 && (name == "current" || SvlogdRotatedRegex().IsMatch(name)))
            return new(null, null, segments[^2], false);
        return null;
    }

    // /var/log/pods/kube-system_calico-node-7kvkf_0f1e2d3c-.../calico-node/0.log (also rotated "0.log.20240612-055300")
    [GeneratedRegex(@"^\d+\.log(\.\d{8}-\d{6})?$")]
    private static partial Regex RunDigitsRegex();

    [GeneratedRegex(@"^([a-z0-9][-a-z0-9]*)_([a-z0-9][-a-z0-9.]*)_[0-9a-f-]{32,36}$")]
    private static partial Regex PodDirectoryRegex();

    // /var/log/containers/calico-node-7kvkf_kube-system_calico-node-<64 hex>.log
    [GeneratedRegex(@"^([a-z0-9][-a-z0-9.]*)_([a-z0-9][-a-z0-9]*)_([a-z0-9][-a-z0-9]*)-[0-9a-f]{64}\.log$")]
    private static partial Regex ContainersLinkRegex();

    // k8s_calico-node_calico-node-7kvkf_kube-system_0f1e2d3c-..._0.log
    [GeneratedRegex(@"^k8s_([^_]+)_([^_]+)_([^_]+)_[0-9a-f-]+_\d+(\.log)?$")]
    private static partial Regex DockershimRegex();

    // svlogd's rotated files: "@4000000066693a1c1f7a4b2c.s" (or ".u" when cut short)
    [GeneratedRegex(@"^@[0-9a-f]{24}\.[su]$")]
    private static partial Regex SvlogdRotatedRegex();
}
