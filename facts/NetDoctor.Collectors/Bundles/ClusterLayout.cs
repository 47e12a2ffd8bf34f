namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// NetDoctor's own layout and `calicoctl cluster diags` (of which it is a superset): <c>cluster/**</c> is cluster-scoped,
/// <c>nodes/&lt;node&gt;/**</c> (calicoctl) and <c>&lt;node&gt;/**</c> (NetDoctor) belong to that node, pod logs sit in
/// <c>&lt;node&gt;/&lt;namespace&gt;/&lt;pod&gt;.log</c>. Also used for a folder holding one sub-folder per node.
/// </summary>
internal sealed class ClusterLayout(string name, string root, IReadOnlySet<string> files) : BundleLayout(name, root)
{
    public override string NodeOrigin => "layout";

    public override FileAssignment Assign(string path)
    {
        var s = BundlePaths.Segments(path);
        if (s.Length == 1)
            return s[0] == "manifest.yaml" ? FileAssignment.Skip("NetDoctor collection manifest (metadata)") : new FileAssignment(null);
        switch (s[0])
        {
            case "cluster":
                return AssignCluster(path, s);
            case "links":
                return FileAssignment.Skip("link to a pod log that is also under nodes/ (duplicate)");
            case "tls":
                return FileAssignment.Skip("censored TLS secret (not diagnosed)");
            case "nodes" when s.Length >= 3:
                return AssignNode(s[1], string.Join('/', s[..2]), s[2..]);
            default:
                return AssignNode(s[0], s[0], s[1..]);
        }
    }

    private FileAssignment AssignCluster(string path, string[] s)
    {
        string name = s[^1];
        if (path == "cluster/version.yaml" || path == "cluster/version.txt") return FileAssignment.Skip("kubectl version (not diagnosed)");
        if (s.Length >= 2 && s[1] == "third-party") return FileAssignment.Skip("third-party resources (not diagnosed)");
        if (name.EndsWith(".txt", StringComparison.Ordinal) && files.Contains(path[..^4] + ".yaml"))
            return FileAssignment.Skip("kubectl table output; the .yaml beside it is read");
        return new FileAssignment(null);
    }

    private FileAssignment AssignNode(string node, string nodeDir, string[] rest)
    {
        string name = rest[^1];
        if (KnownNoise(name) is { } noise) return FileAssignment.Skip(noise);
        if (rest[0] == "bpf-maps") return FileAssignment.Skip("eBPF dataplane dump (not diagnosed)");
        // calicoctl writes `kubectl describe pod` beside each pod log.
        if (rest.Length == 2 && name.EndsWith(".txt", StringComparison.Ordinal)
            && files.Contains($"{nodeDir}/{rest[0]}/{name[..^4]}.log"))
        {
            return FileAssignment.Skip("kubectl describe output (not diagnosed)");
        }
        // The collector writes `ip addr` both as text (for people) and JSON (for us): read one, not both.
        if (rest.Length == 1 && name == "ip-addr.txt" && files.Contains($"{nodeDir}/ip-addr.json"))
            return FileAssignment.Skip("same data as ip-addr.json, which is read instead");
        return new FileAssignment(node, CalicoctlAlias(name));
    }
}
