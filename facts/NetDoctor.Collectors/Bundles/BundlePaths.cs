namespace NetDoctor.Collectors.Bundles;

/// <summary>Validation and normalisation of paths found inside bundles.</summary>
internal static class BundlePaths
{
    /// <summary>
    /// Turns an archive entry name into a safe relative '/' path, or null when it must be rejected:
    /// absolute paths, drive letters, ".." segments and NUL characters could make a reader (or a user who
    /// later extracts the archive) look outside the bundle.
    /// </summary>
    public static string? Normalise(string name, out string? rejection)
    {
        rejection = null;
        if (string.IsNullOrEmpty(name)) { rejection = "empty entry name"; return null; }
        if (name.Contains('\0')) { rejection = "entry name contains a NUL character"; return null; }
        string p = name.Replace('\\', '/');
        if (p.StartsWith('/')) { rejection = "absolute path"; return null; }
        if (p.Length >= 2 && p[1] == ':' && char.IsAsciiLetter(p[0])) { rejection = "drive-letter path"; return null; }
        var parts = new List<string>();
        foreach (var segment in p.Split('/'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == "..") { rejection = "path traversal ('..')"; return null; }
            parts.Add(segment);
        }
        return parts.Count == 0 ? "" : string.Join('/', parts);
    }

    public static string BaseName(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash >= 0 ? path[(slash + 1)..] : path;
    }

    public static string[] Segments(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    public static bool IsHidden(string path) => Segments(path).Any(s => s.StartsWith('.'));
}
