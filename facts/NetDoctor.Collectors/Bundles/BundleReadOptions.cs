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

    /// <summary>Managed memory a read may fill before it stops with a message; null: <see cref="ReadingBudget.Default"/>.</summary>
    public ReadingBudget? Budget { get; init; }

    /// <summary>Facts to keep (see <see cref="IFactDemand"/>); null keeps every fact.</summary>
    public IFactDemand? Demand { get; init; }

    public static BundleReadOptions Default { get; } = new();
}
