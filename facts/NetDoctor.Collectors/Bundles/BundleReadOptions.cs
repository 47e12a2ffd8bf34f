namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// Limits that keep a hostile or broken input from exhausting memory: a tarball or zip can claim or expand to
/// any size, so every file and the whole archive are bounded and the excess is reported, not read.
/// </summary>
public sealed record BundleReadOptions
{
    /// <summary>Largest single file read (a 300,000-rule iptables-save is about 60 MB).</summary>
    public long MaxFileBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Most bytes decompressed from one archive, skipped entries included.</summary>
    public long MaxArchiveBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Most entries listed from one input.</summary>
    public int MaxEntries { get; init; } = 200_000;

    /// <summary>
    /// How many times its compressed size a zip entry (of more than 1 MiB) may expand to. Text compresses 5-30 times;
    /// deflate's ceiling is about 1000, which only a crafted "zip bomb" reaches.
    /// </summary>
    public int MaxCompressionRatio { get; init; } = 250;

    /// <summary>
    /// Most bytes of file content read across all files and inputs of one run. Parsed facts cost about twelve times
    /// their text, and every file's facts are kept, so this — not the per-file limit — is what bounds memory: the
    /// default is a twelfth of a third of the memory available to the process (<see cref="GC.GetGCMemoryInfo()"/>),
    /// and never more than 64 MiB, so a `run` stays near 1 GB whatever the input (measured: 1.4 GB at 96 MiB).
    /// </summary>
    public long MaxReadBytes { get; init; } = DefaultReadBytes;

    /// <summary>Most facts kept across a run (a fact costs a few hundred bytes; dense files make many from few bytes).</summary>
    public long MaxFacts { get; init; } = DefaultReadBytes / 64;

    private static readonly long DefaultReadBytes =
        Math.Clamp(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 3 / 12, 16L * 1024 * 1024, 64L * 1024 * 1024);

    public static BundleReadOptions Default { get; } = new();
}
