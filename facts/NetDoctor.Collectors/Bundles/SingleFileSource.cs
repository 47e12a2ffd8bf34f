using NetDoctor.Facts;

namespace NetDoctor.Collectors.Bundles;

/// <summary>One loose file given directly. It has no folder, so its node is unknown unless the layout says otherwise.</summary>
internal sealed class SingleFileSource(string file, BundleReadOptions options) : IBundleSource
{
    private readonly string _name = Path.GetFileName(file);

    public string? FolderName => null;

    public IReadOnlyList<BundleEntry> List(List<Problem> problems) =>
        [new BundleEntry(_name, BundleEntryType.File, new FileInfo(file).Length)];

    public byte[]? Probe(string path) => null;

    public void Read(Func<BundleEntry, bool> wanted, Action<BundleEntry, ReadOutcome> onFile, List<Problem> problems)
    {
        var entry = List(problems)[0];
        if (!wanted(entry)) return;
        if (FileKind.NotRegular(file, followLinks: true) is { } special)
        {
            onFile(entry, new ReadOutcome(null, $"{special}, not a regular file; not read"));
            return;
        }
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            onFile(entry, BoundedRead.ReadAll(stream, options.MaxFileBytes));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            onFile(entry, new ReadOutcome(null, $"cannot read: {ex.Message}"));
        }
    }
}
