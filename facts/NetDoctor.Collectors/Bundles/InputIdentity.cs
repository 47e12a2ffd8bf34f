namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// Which inputs of a run are the same file or folder: the same bundle given twice (or by a second path, or through a
/// link) would double every fact without a word, so it is read once and the repeat is reported.
/// </summary>
internal sealed class InputIdentity
{
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);

    /// <summary>Null the first time; else the path under which the same input was first given.</summary>
    public string? Repeat(string path)
    {
        if (StdinSource.Is(path)) return null;
        string key;
        try
        {
            key = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
            FileSystemInfo info = Directory.Exists(key) ? new DirectoryInfo(key) : new FileInfo(key);
            if (info.ResolveLinkTarget(returnFinalTarget: true) is { } target) key = target.FullName;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
        return _seen.TryAdd(key, path) ? null : _seen[key];
    }
}
