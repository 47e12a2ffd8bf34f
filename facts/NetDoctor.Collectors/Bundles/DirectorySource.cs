using NetDoctor.Facts;

namespace NetDoctor.Collectors.Bundles;

/// <summary>A bundle that is a directory on disk. Symbolic links are listed but never followed.</summary>
internal sealed class DirectorySource(string root, BundleReadOptions options) : IBundleSource
{
    private readonly Dictionary<string, byte[]> _probes = new(StringComparer.Ordinal);
    private List<BundleEntry>? _entries;

    public string? FolderName => new DirectoryInfo(root).Name;

    public IReadOnlyList<BundleEntry> List(List<Problem> problems)
    {
        var entries = new List<BundleEntry>();
        Walk(new DirectoryInfo(root), "", entries, problems);
        _entries = entries;
        return entries;
    }

    private void Walk(DirectoryInfo dir, string prefix, List<BundleEntry> entries, List<Problem> problems)
    {
        FileSystemInfo[] children;
        try
        {
            children = dir.GetFileSystemInfos();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new Problem(new Source(prefix.Length == 0 ? dir.FullName : prefix, 0), $"cannot list directory: {ex.Message}"));
            return;
        }
        foreach (var child in children.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            if (entries.Count >= options.MaxEntries)
            {
                problems.Add(new Problem(new Source(prefix, 0), $"more than {options.MaxEntries} entries; the rest was not read"));
                return;
            }
            string path = prefix + child.Name;
            if (child.LinkTarget is { } target)
            {
                entries.Add(new BundleEntry(path, BundleEntryType.Link, 0) { LinkTarget = target });
            }
            else if (child is DirectoryInfo sub)
            {
                entries.Add(new BundleEntry(path, BundleEntryType.Directory, 0));
                Walk(sub, path + "/", entries, problems);
            }
            else if (child is FileInfo && FileKind.NotRegular(child.FullName) is { } special)
            {
                entries.Add(new BundleEntry(path, BundleEntryType.Other, 0) { Special = special });
            }
            else if (child is FileInfo file)
            {
                entries.Add(new BundleEntry(path, BundleEntryType.File, file.Length));
                if (BoundedRead.ProbeNames.Contains(file.Name) && file.Length <= BoundedRead.ProbeLimit)
                {
                    var outcome = ReadFile(path, BoundedRead.ProbeLimit);
                    if (outcome.Bytes is not null) _probes[path] = outcome.Bytes;
                }
            }
            else
            {
                entries.Add(new BundleEntry(path, BundleEntryType.Other, 0));
            }
        }
    }

    public byte[]? Probe(string path) => _probes.GetValueOrDefault(path);

    public void Read(Func<BundleEntry, bool> wanted, Action<BundleEntry, ReadOutcome> onFile, List<Problem> problems)
    {
        foreach (var entry in _entries ?? List([]))
        {
            if (entry.Type == BundleEntryType.File && wanted(entry))
                onFile(entry, ReadFile(entry.Path, options.MaxFileBytes));
        }
    }

    private ReadOutcome ReadFile(string relative, long limit)
    {
        string full = Path.Combine(root, relative);
        // Checked again at the open: the file may have been replaced by a FIFO since it was listed.
        if (FileKind.NotRegular(full) is { } special) return new ReadOutcome(null, $"{special}, not a regular file; not read");
        try
        {
            // Unbuffered: the file is read into one array of its size, and a buffer would only be a copy in between.
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            return BoundedRead.ReadAll(stream, limit);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ReadOutcome(null, $"cannot read: {ex.Message}");
        }
    }
}
