using NetDoctor.Facts;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// Standard input given as a bundle ("-" or /dev/stdin): a pipe, which the regular-file check would refuse and which
/// can be read only once, so it is read into memory first (under the file limit) and then read as one loose file.
/// </summary>
internal sealed class StdinSource(byte[] bytes) : IBundleSource
{
    public const string Path1 = "-";
    public const string Path2 = "/dev/stdin";
    private const string Name = "stdin";

    public string? FolderName => null;

    public static bool Is(string path) => path is Path1 or Path2;

    /// <summary>Reads standard input; an archive piped in is read as that archive.</summary>
    public static IBundleSource? Open(BundleReadOptions options, out string? error)
    {
        using var stdin = Console.OpenStandardInput();
        var outcome = BoundedRead.ReadAll(stdin, options.MaxFileBytes);
        error = outcome.Error is { } why ? $"cannot read standard input: {why}" : null;
        if (outcome.Bytes is not { } read) return null;
        return ArchiveSources.ForEntry(new BundleEntry(Name, BundleEntryType.File, read.Length), read, Name, null, options)
            ?? new StdinSource(read);
    }

    public IReadOnlyList<BundleEntry> List(List<Problem> problems) =>
        bytes.Length == 0 ? [] : [new BundleEntry(Name, BundleEntryType.File, bytes.Length)];

    public byte[]? Probe(string path) => null;

    public void Read(Func<BundleEntry, bool> wanted, Action<BundleEntry, ReadOutcome> onFile, List<Problem> problems)
    {
        foreach (var entry in List(problems))
            if (wanted(entry)) onFile(entry, new ReadOutcome(bytes, null));
    }
}
