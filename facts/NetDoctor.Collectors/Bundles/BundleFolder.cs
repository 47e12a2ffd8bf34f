using NetDoctor.Facts;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// Recognises a folder that holds bundle folders rather than being one — `samples/` — so a caller can read each bundle
/// (and each archive beside them) as its own input with its own node names, or refuse, instead of the reader taking the
/// folder for loose files of one node named after it. Only detects; the caller decides. A folder with archives but no
/// bundle folder is not one: the reader reads it as loose files and each archive as an input of its own (a node-diags
/// tarball beside pasted files is the common attachment).
/// </summary>
public static class BundleFolder
{
    // Layouts that make a folder a bundle by themselves (not "loose-files" or "node-folders", which any folder is).
    private static readonly HashSet<string> BundleLayouts = new(StringComparer.Ordinal) { "netdoctor", "calicoctl-cluster-diags", "calicoctl-node-diags" };

    /// <param name="Bundles">Sub-folders with a bundle layout of their own, and the archives beside them, sorted.</param>
    /// <param name="Others">Other files and folders with data beside them (documentation, scripts and hidden files are not counted).</param>
    public sealed record Contents(IReadOnlyList<string> Bundles, IReadOnlyList<string> Others);

    /// <summary>The bundles inside <paramref name="path"/>, or null when it is not a folder or is itself a bundle, or holds none.</summary>
    public static Contents? Inspect(string path, BundleReadOptions? options = null)
    {
        if (!Directory.Exists(path)) return null;
        options ??= BundleReadOptions.Default;
        if (IsBundle(path, options)) return null;

        var bundles = new List<string>();
        var archives = new List<string>();
        var others = new List<string>();
        foreach (var child in new DirectoryInfo(path).EnumerateFileSystemInfos().OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            if (child.Name.StartsWith('.') || child.LinkTarget is not null) continue;
            if (child is DirectoryInfo dir)
                (IsBundle(dir.FullName, options) ? bundles : others).Add(Path.Combine(path, child.Name));
            else if (ArchiveFormats.HasArchiveName(child.Name) || ArchiveFormats.Detect(child.FullName) != ArchiveFormat.None)
                archives.Add(Path.Combine(path, child.Name));
            else if (!IsDocumentation(child.Name))
                others.Add(Path.Combine(path, child.Name));
        }
        return bundles.Count == 0 ? null : new Contents([.. bundles.Concat(archives).Order(StringComparer.Ordinal)], others);
    }

    private static bool IsBundle(string directory, BundleReadOptions options)
    {
        var source = new DirectorySource(directory, options);
        var entries = source.List(new List<Problem>());
        return BundleLayouts.Contains(LayoutDetector.Detect(entries, source).Name);
    }

    /// <summary>What sits beside bundles without being evidence: READMEs, notes, the scripts that captured them.</summary>
    private static bool IsDocumentation(string name) =>
        name.StartsWith("README", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".sh", StringComparison.OrdinalIgnoreCase);
}
