using System.Formats.Tar;
using System.IO.Compression;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// A .tar.gz / .tgz / .tar bundle, streamed entry by entry (never extracted to disk). Entries with unsafe names
/// (absolute, "..") are rejected with a problem; links are listed but not followed.
/// </summary>
internal sealed class TarSource(string archive, BundleReadOptions options) : IBundleSource
{
    private readonly Dictionary<string, byte[]> _probes = new(StringComparer.Ordinal);

    public string? FolderName => null;

    public static bool LooksLikeArchive(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            Span<byte> head = stackalloc byte[512];
            int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (n >= 2 && head[0] == 0x1F && head[1] == 0x8B) return true;
            // POSIX/GNU tar: "ustar" at offset 257.
            return n >= 262 && head.Slice(257, 5).SequenceEqual("ustar"u8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

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
            problems.Add(new Problem(new Source(Path.GetFileName(archive), 0), $"more than {options.MaxEntries} entries; the rest was not read"));
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
        var where = new Source(Path.GetFileName(archive), 0);
        try
        {
            using var file = new FileStream(archive, FileMode.Open, FileAccess.Read, FileShare.Read);
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
                if (!visit(new BundleEntry(path, type, tar.Length), tar)) return;
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or UnauthorizedAccessException or ArgumentException)
        {
            problems.Add(new Problem(where, ex is ArchiveLimitException ? ex.Message : $"archive is damaged or not a tar archive ({ex.Message}); entries before the damage were read"));
        }
    }

    private static string Printable(string name) => name.Replace("\0", "\\0");
}
