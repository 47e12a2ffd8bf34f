namespace NetDoctor.Cli.Tests;

/// <summary>
/// Three nodes' kube-proxy, written for the reading-cut tests: n1's configuration has no clusterCIDR (a real, info-level
/// finding), n2's and n3's set it. n3's configuration is padded with a comment so that a byte budget of
/// <see cref="BudgetCuttingN3Config"/> cuts that one file and nothing else: n3's command line is still read, and from
/// it alone kube-proxy looks as if it ran without a cluster CIDR — the false finding a cut must not produce.
/// </summary>
public sealed class CutBundle : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"netdoctor-cut-{Environment.ProcessId}-{Guid.NewGuid():N}");

    public CutBundle()
    {
        foreach (var (node, cidr) in new[] { ("n1", (string?)null), ("n2", "10.244.0.0/16"), ("n3", "10.244.0.0/16") })
        {
            Directory.CreateDirectory(System.IO.Path.Combine(Path, node));
            File.WriteAllText(System.IO.Path.Combine(Path, node, "processes.txt"),
                "UID          PID    PPID  C STIME TTY          TIME CMD\n" +
                $"root        1255       1  1 09:59 ?        00:04:00 /usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override={node}\n");
            // Every file differs (the node's name is in it): identical copies would be parsed once and cost no bytes.
            string comment = node == "n3"
                ? string.Concat(Enumerable.Range(0, 100).Select(i => $"# {node}: kube-proxy configuration, line {i} of a comment that makes this file big\n"))
                : $"# {node}\n";
            File.WriteAllText(System.IO.Path.Combine(Path, node, "kube-proxy-config.yaml"),
                comment + "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nbindAddress: 0.0.0.0\n" +
                (cidr is null ? "" : $"clusterCIDR: \"{cidr}\"\n") + "mode: \"iptables\"\n");
        }
    }

    /// <summary>Every file's bytes but n3's configuration, and half of that one: files are merged node by node, so n3's
    /// configuration is the one that does not fit, and n3's command line (smaller than the half left) still does.</summary>
    public long BudgetCuttingN3Config
    {
        get
        {
            long config = new FileInfo(System.IO.Path.Combine(Path, "n3", "kube-proxy-config.yaml")).Length;
            long all = Directory.GetFiles(Path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            return all - config + config / 2;
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
