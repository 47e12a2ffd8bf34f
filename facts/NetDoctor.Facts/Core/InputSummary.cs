namespace NetDoctor.Facts;

/// <summary>
/// One input the user named (a bundle directory, a .tar.gz/.zip or a single file), or an archive found inside one
/// (see <see cref="FoundIn"/>), as reported in the `inputs` field of the JSON output: which nodes it held and how
/// many of its files were parsed.
/// </summary>
/// <param name="Files">Files parsed (skipped and unusable files are counted separately).</param>
public sealed record InputSummary(string Path, IReadOnlyList<string> Nodes, int Files)
{
    /// <summary>How the input was understood: "netdoctor", "calicoctl-cluster-diags", "calicoctl-node-diags", "node-folders", "loose-files".</summary>
    public string Layout { get; init; } = "";

    /// <summary>
    /// Where the node name of node-scoped files came from when the layout does not say it by folder:
    /// "hostname-file", "folder-name", "unknown"; "layout" when the layout names nodes by folder.
    /// </summary>
    public string NodeOrigin { get; init; } = "layout";

    /// <summary>Files deliberately not parsed (known noise, duplicates, links, hidden files); each is listed with its reason.</summary>
    public int Skipped { get; init; }

    /// <summary>Files that could not be used — unreadable, too large, binary, or recognised by no parser (each also reported as a problem).</summary>
    public int Unrecognised { get; init; }

    /// <summary>Set when the input could not be read at all (missing, unreadable, not an archive).</summary>
    public string? Error { get; init; }

    /// <summary>
    /// For an archive found inside a folder or another archive (a `diags-*.tar.gz` beside pasted files): the input it
    /// was found in. Such an archive is read as an input of its own, with its own layout and nodes; null for inputs
    /// the user named.
    /// </summary>
    public string? FoundIn { get; init; }
}
