namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// What a layout says about one file: the node it belongs to (null = cluster-scoped or unknown), the name it would
/// have in NetDoctor's own layout when the layout calls it something else (a sniffing hint), or why it is skipped.
/// </summary>
internal readonly record struct FileAssignment(string? Node, string? SniffAlias = null, string? SkipReason = null)
{
    public static FileAssignment Skip(string reason) => new(null, null, reason);
}
