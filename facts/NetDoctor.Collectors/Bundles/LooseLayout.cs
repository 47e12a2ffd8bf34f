namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// One node's files without a per-node folder: a folder of pasted command outputs, a single file, or a
/// `calicoctl node diags` dump (diagnostics/hostname, ipv4_route, ipv4_tables, ipsets, logs/...). Every file belongs
/// to the one node, named by the "hostname" file, else by the folder, else unknown.
/// </summary>
internal sealed class LooseLayout(string name, string root, string? node, string nodeOrigin) : BundleLayout(name, root)
{
    public string? Node { get; } = node;

    public override string NodeOrigin { get; } = nodeOrigin;

    public override FileAssignment Assign(string path)
    {
        string file = BundlePaths.BaseName(path);
        if (KnownNoise(file) is { } noise) return FileAssignment.Skip(noise);
        return new FileAssignment(Node, CalicoctlAlias(file));
    }
}
