using System.Formats.Tar;
using System.IO.Compression;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// A .tar.gz / .tgz / .tar bundle, streamed entry by entry (never extracted to disk). Entries with unsafe names
/// (absolute, "..") are rejected with a problem; links and special files are listed but not followed.
/// </summary>
/// <param name="name">How problems name the archive: its file name, or its path inside the bundle that holds it.</param>
/// <param name="open">Opens the archive's bytes from the start (a file, or the copy read out of another archive); called once per pass.</param>
internal sealed class TarSource(string name, Func<Stream> open, BundleReadOptions options, string? folderName = null) : IBundleSource
{
    private readonly Dictionary<string, byte[]> _probes = new(StringComparer.Ordinal);

    public TarSource(string archive, BundleReadOptions options)
        : this(Path.GetFileName(archive), () => new FileStream(archive, FileMode.Open, FileAccess.Read, FileShare.Read), options) { }

    public string? FolderName => folderName;

    public IReadOnlyList<BundleEntry> List(List<Problem> problems)
    {
        var entries = new List<BundleEntry>();
        Walk(problems, (entry, tar) =>
        {
            entries.Add(entry);
            if (entry.Type == BundleEntryType.File && BoundedRead.ProbeNames.Contains(entry.Name)
                && entry.Size <= BoundedRead.ProbeLimit && tar.DataStream is not null)
            {
                var outcome = BoundedRead.ReadAll(tar.DataStream, BoundedRead.ProbeLimit);
                if (outcome.Bytes is not null) _probes[entry.Path] = outcome.Bytes;
            }
            return entries.Count < options.MaxEntries;
        });
        if (entries.Count >= options.MaxEntries)
            problems.Add(new Problem(new Source(name, 0), $"more than {options.MaxEntries} entries; the rest was not read"));
        return entries;
    }

    public byte[]? Probe(string path) => _probes.GetValueOrDefault(path);

    public void Read(Func<BundleEntry, bool> wanted, Action<BundleEntry, ReadOutcome> onFile, List<Problem> problems)
    {
        int seen = 0;
        // Listing already reported archive-level problems; the second pass only reads.
        Walk([], (entry, tar) =>
        {
            if (entry.Type == BundleEntryType.File && wanted(entry))
            {
                onFile(entry, tar.DataStream is null
                    ? new ReadOutcome([], null)
                    : entry.Size > options.MaxFileBytes
                        ? new ReadOutcome(null, $"file is {BoundedRead.Bytes(entry.Size)}, larger than the {BoundedRead.Bytes(options.MaxFileBytes)} limit; not read")
                        : BoundedRead.ReadAll(tar.DataStream, options.MaxFileBytes, entry.Size));
            }
            return ++seen < options.MaxEntries;
        });
    }

    /// <summary>Iterates entries; <paramref name="visit"/> returns false to stop. Archive damage ends the walk with a problem.</summary>
    private void Walk(List<Problem> problems, Func<BundleEntry, TarEntry, bool> visit)
    {
        var where = new Source(name, 0);
        try
        {
            using var file = open();
            Stream data = file;
            int b0 = file.ReadByte(), b1 = file.ReadByte();
            file.Position = 0;
            if (b0 == 0x1F && b1 == 0x8B) data = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
            using var limited = new LimitedStream(data, options.MaxArchiveBytes);
            using var reader = new TarReader(limited, leaveOpen: true);
            while (reader.GetNextEntry(copyData: false) is { } tar)
            {
                string? path = BundlePaths.Normalise(tar.Name, out var rejection);
                if (path is null)
                {
                    problems.Add(new Problem(where, $"archive entry '{Printable(tar.Name)}' rejected: {rejection}"));
                    continue;
                }
                if (path.Length == 0) continue;
                var type = tar.EntryType switch
                {
                    TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => BundleEntryType.File,
                    TarEntryType.Directory => BundleEntryType.Directory,
                    TarEntryType.SymbolicLink or TarEntryType.HardLink => BundleEntryType.Link,
                    _ => BundleEntryType.Other,
                };
                var entry = new BundleEntry(path, type, tar.Length)
                {
                    LinkTarget = type == BundleEntryType.Link ? Printable(tar.LinkName) : null,
                    Special = type == BundleEntryType.Other ? tar.EntryType.ToString() : null,
                };
                if (!visit(entry, tar)) return;
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or UnauthorizedAccessException or ArgumentException)
        {
            problems.Add(new Problem(where, ex is ArchiveLimitException ? ex.Message : $"archive is damaged or not a tar archive ({ex.Message}); entries before the damage were read"));
        }
    }

    private static string Printable(string name) => name.Replace("\0", "\\0");
}
