using System.Text.RegularExpressions;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// Recognises which layout a bundle uses from its file names alone (plus the small "hostname" probe):
/// NetDoctor's (manifest.yaml), `calicoctl cluster diags` (cluster/, nodes/), `calicoctl node diags`
/// (hostname + ipv4_* files), one folder per node, or loose files of one node.
/// </summary>
internal static partial class LayoutDetector
{
    private static readonly HashSet<string> NodeDiagsMarkers = new(StringComparer.Ordinal)
    {
        "ipv4_route", "ipv4_addr", "ipv4_tables", "ipv6_route", "ipv6_addr", "ipv6_tables", "ipsets", "nft_ruleset",
    };

    // Folder names that describe a dump rather than name a machine.
    private static readonly HashSet<string> NotNodeNames = new(StringComparer.OrdinalIgnoreCase) { "diagnostics", "logs", "." };

    public static BundleLayout Detect(IReadOnlyList<BundleEntry> entries, IBundleSource source)
    {
        var files = entries.Where(e => e.Type == BundleEntryType.File && !BundlePaths.IsHidden(e.Path)).Select(e => e.Path).ToList();
        string root = "";
        string? folder = source.FolderName;

        // An archive usually wraps everything in one top folder, and so does an extracted archive: descend
        // through such single folders, except the layout's own "cluster"/"nodes" folders.
        while (files.Count > 0)
        {
            var relative = files.Select(p => p[root.Length..]).ToList();
            if (relative.Any(p => !p.Contains('/'))) break;
            var tops = relative.Select(p => p[..p.IndexOf('/')]).Distinct(StringComparer.Ordinal).ToList();
            if (tops.Count != 1 || tops[0] is "cluster" or "nodes") break;
            root += tops[0] + "/";
            folder = tops[0];
        }

        var rel = files.Select(p => p[root.Length..]).ToList();
        var rootFiles = rel.Where(p => !p.Contains('/')).ToHashSet(StringComparer.Ordinal);
        var rootDirs = rel.Where(p => p.Contains('/')).Select(p => p[..p.IndexOf('/')]).ToHashSet(StringComparer.Ordinal);
        string? hostname = Hostname(source.Probe(root + "hostname"));
        string? folderNode = folder is not null && !NotNodeNames.Contains(folder) ? folder : null;

        if (rootFiles.Contains("hostname") && rootFiles.Overlaps(NodeDiagsMarkers))
            return Loose("calicoctl-node-diags", root, hostname, folderNode);
        if (rootFiles.Contains("manifest.yaml"))
            return new ClusterLayout("netdoctor", root, rel.ToHashSet(StringComparer.Ordinal));
        if (rootDirs.Contains("nodes") || rootDirs.Contains("tls") || rootDirs.Contains("links"))
            return new ClusterLayout("calicoctl-cluster-diags", root, rel.ToHashSet(StringComparer.Ordinal));
        if (rootDirs.Contains("cluster") || (rootFiles.Count == 0 && rootDirs.Count > 0))
            return new ClusterLayout(rootDirs.Contains("cluster") ? "netdoctor" : "node-folders", root, rel.ToHashSet(StringComparer.Ordinal));
        return Loose("loose-files", root, hostname, folderNode);
    }

    private static LooseLayout Loose(string name, string root, string? hostname, string? folder) =>
        hostname is not null ? new LooseLayout(name, root, hostname, "hostname-file")
        : folder is not null ? new LooseLayout(name, root, folder, "folder-name")
        : new LooseLayout(name, root, null, "unknown");

    /// <summary>The first line of a "hostname" file when it looks like a host name.</summary>
    private static string? Hostname(byte[]? bytes)
    {
        if (bytes is null) return null;
        string? text = TextDecoder.Decode(bytes);
        string? line = text?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return line is not null && HostnamePattern().IsMatch(line) ? line : null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_]([A-Za-z0-9._-]{0,252})$")]
    private static partial Regex HostnamePattern();
}
