using System.IO.Compression;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// A .zip bundle, read entry by entry in memory. The guards a tarball has, for zip: names are validated like tar
/// names (no "zip-slip" through absolute or ".." paths), the declared entry count is checked before any entry is
/// listed, each entry is read under the file limit and under <see cref="BundleReadOptions.MaxCompressionRatio"/> times
/// its compressed size whatever its header claims, and all entries together under the archive limit. Links and
/// special files (Unix modes in the external attributes) are listed, never followed.
/// </summary>
/// <param name="name">How problems name the archive: its file name, or its path inside the bundle that holds it.</param>
/// <param name="open">Opens the archive's bytes as a seekable stream; called once per pass.</param>
internal sealed class ZipSource(string name, Func<Stream> open, BundleReadOptions options, string? folderName = null) : IBundleSource
{
    /// <summary>Entries smaller than this are never called bombs: a short file of blanks compresses far beyond any ratio.</summary>
    private const long RatioExempt = 1024 * 1024;

    private readonly Dictionary<string, byte[]> _probes = new(StringComparer.Ordinal);

    public ZipSource(string archive, BundleReadOptions options)
        : this(Path.GetFileName(archive), () => new FileStream(archive, FileMode.Open, FileAccess.Read, FileShare.Read), options) { }

    public string? FolderName => folderName;

    public IReadOnlyList<BundleEntry> List(List<Problem> problems)
    {
        var entries = new List<BundleEntry>();
        Walk(problems, (entry, zip) =>
        {
            if (entry.Type == BundleEntryType.Link) entry = entry with { LinkTarget = LinkTarget(zip) };
            entries.Add(entry);
            if (entry.Type == BundleEntryType.File && BoundedRead.ProbeNames.Contains(entry.Name) && entry.Size <= BoundedRead.ProbeLimit)
            {
                var outcome = ReadEntry(zip, BoundedRead.ProbeLimit);
                if (outcome.Bytes is not null) _probes[entry.Path] = outcome.Bytes;
            }
        });
        return entries;
    }

    public byte[]? Probe(string path) => _probes.GetValueOrDefault(path);

    public void Read(Func<BundleEntry, bool> wanted, Action<BundleEntry, ReadOutcome> onFile, List<Problem> problems)
    {
        long expanded = 0;
        // Listing already reported archive-level problems; this pass reports only what reading adds (the archive limit).
        Walk([], (entry, zip) =>
        {
            if (entry.Type != BundleEntryType.File || !wanted(entry)) return;
            // Like a tarball's, reading stops at the archive limit; the problem below says so once.
            if (expanded >= options.MaxArchiveBytes) return;
            var outcome = Guarded(zip, options.MaxArchiveBytes - expanded, out bool overBudget);
            expanded = overBudget ? options.MaxArchiveBytes : expanded + (outcome.Bytes?.Length ?? 0);
            onFile(entry, outcome);
        });
        if (expanded >= options.MaxArchiveBytes)
            problems.Add(new Problem(new Source(name, 0), $"the archive expands to more than {BoundedRead.Bytes(options.MaxArchiveBytes)}; reading stopped there"));
    }

    /// <summary>One entry read under the file limit, the ratio limit and what is left of the archive budget.</summary>
    /// <param name="overBudget">Set when the budget, not the file's own limits, stopped the read: nothing more is read from this archive.</param>
    private ReadOutcome Guarded(ZipArchiveEntry zip, long budget, out bool overBudget)
    {
        overBudget = false;
        if (zip.Length > options.MaxFileBytes)
            return new ReadOutcome(null, $"file is {BoundedRead.Bytes(zip.Length)}, larger than the {BoundedRead.Bytes(options.MaxFileBytes)} limit; not read");
        long ratioCap = RatioCap(zip.CompressedLength);
        if (zip.Length > ratioCap)
            return new ReadOutcome(null, $"file expands {zip.Length / Math.Max(1, zip.CompressedLength)}:1 from {BoundedRead.Bytes(zip.CompressedLength)}, beyond the {options.MaxCompressionRatio}:1 limit (a zip bomb guard); not read");
        long own = Math.Min(options.MaxFileBytes, ratioCap);
        var outcome = ReadEntry(zip, Math.Min(own, budget));
        if (outcome.Bytes is not null || !outcome.Error!.Contains("limit", StringComparison.Ordinal)) return outcome;
        if (budget < own)
        {
            overBudget = true;
            return new ReadOutcome(null, $"not read: the archive reached its {BoundedRead.Bytes(options.MaxArchiveBytes)} limit while expanding this file");
        }
        // The header understated the size: say which limit stopped the read.
        return own == ratioCap && ratioCap < options.MaxFileBytes
            ? new ReadOutcome(null, $"file expands beyond {options.MaxCompressionRatio}:1 of its {BoundedRead.Bytes(zip.CompressedLength)} (its header said {BoundedRead.Bytes(zip.Length)}; a zip bomb guard); not read")
            : outcome;
    }

    private long RatioCap(long compressed) =>
        compressed > long.MaxValue / Math.Max(1, options.MaxCompressionRatio) ? long.MaxValue : Math.Max(RatioExempt, compressed * options.MaxCompressionRatio);

    private static ReadOutcome ReadEntry(ZipArchiveEntry zip, long limit)
    {
        try
        {
            using var stream = zip.Open();
            return BoundedRead.ReadAll(stream, limit, zip.Length <= limit ? zip.Length : -1);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or UnauthorizedAccessException)
        {
            return new ReadOutcome(null, $"cannot read this zip entry: {ex.Message}");
        }
    }

    /// <summary>A zip symlink's target is its content; a short quote of it is enough for the problem.</summary>
    private static string? LinkTarget(ZipArchiveEntry zip)
    {
        var outcome = ReadEntry(zip, 1024);
        return outcome.Bytes is null ? null : TextDecoder.Decode(outcome.Bytes)?.Trim();
    }

    /// <summary>Iterates the entries; a damaged or oversized directory ends the walk with a problem.</summary>
    private void Walk(List<Problem> problems, Action<BundleEntry, ZipArchiveEntry> visit)
    {
        var where = new Source(name, 0);
        try
        {
            using var stream = open();
            if (ZipDirectory.DeclaredEntries(stream) is { } declared && declared > options.MaxEntries)
            {
                problems.Add(new Problem(where, $"zip archive declares {declared} entries, more than the {options.MaxEntries} limit; not read"));
                return;
            }
            stream.Position = 0;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in zip.Entries)
            {
                string? path = BundlePaths.Normalise(entry.FullName, out var rejection);
                if (path is null)
                {
                    problems.Add(new Problem(where, $"archive entry '{entry.FullName.Replace("\0", "\\0")}' rejected: {rejection}"));
                    continue;
                }
                if (path.Length == 0) continue;
                var type = TypeOf(entry);
                visit(new BundleEntry(path, type, entry.Length) { Special = type == BundleEntryType.Other ? SpecialName(entry) : null }, entry);
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Add(new Problem(where, $"archive is damaged or not a zip archive ({ex.Message}); entries before the damage were read"));
        }
    }

    /// <summary>The Unix file type zip tools keep in the high half of the external attributes (0 when made elsewhere).</summary>
    private static int UnixType(ZipArchiveEntry entry) => (entry.ExternalAttributes >> 16) & 0xF000;

    private static BundleEntryType TypeOf(ZipArchiveEntry entry) => UnixType(entry) switch
    {
        0xA000 => BundleEntryType.Link,
        0x4000 => BundleEntryType.Directory,
        0x8000 or 0 => entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\') ? BundleEntryType.Directory
            : entry.IsEncrypted ? BundleEntryType.Other : BundleEntryType.File,
        _ => BundleEntryType.Other,
    };

    private static string SpecialName(ZipArchiveEntry entry) => UnixType(entry) switch
    {
        0x2000 => "CharacterDevice",
        0x6000 => "BlockDevice",
        0x1000 => "Fifo",
        0xC000 => "Socket",
        _ when entry.IsEncrypted => "encrypted entry",
        _ => "special file",
    };
}
