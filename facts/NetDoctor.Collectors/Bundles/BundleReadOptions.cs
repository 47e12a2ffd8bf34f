using NetDoctor.Facts;

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
    /// Most bytes of file content read across all files and inputs of one run: a twelfth of the memory available to the
    /// process (<see cref="GC.GetGCMemoryInfo()"/>), between 64 MiB and 2 GiB. Bytes alone do not bound memory — what is
    /// kept is facts, bounded by <see cref="MaxFacts"/> — but they bound the time spent reading a hostile input.
    /// </summary>
    public long MaxReadBytes { get; init; } = DefaultReadBytes;

    /// <summary>
    /// Most facts kept across a run, counted after the demand filter (<see cref="Demand"/>): a fact and what the engine
    /// keeps for it cost about 1 KB at peak, so the default — available memory / 16 KiB, between 250,000 and 1,250,000 —
    /// keeps a run near 1.5 GB whatever the input, while a 100-node cluster's demanded facts fit many times over.
    /// </summary>
    public long MaxFacts { get; init; } = DefaultFacts;

    /// <summary>Managed memory a read may fill before it stops with a message; null: <see cref="ReadingBudget.Default"/>.</summary>
    public ReadingBudget? Budget { get; init; }

    /// <summary>Facts to keep (see <see cref="IFactDemand"/>); null keeps every fact.</summary>
    public IFactDemand? Demand { get; init; }

    private static readonly long AvailableMemory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    private static readonly long DefaultReadBytes = Math.Clamp(AvailableMemory / 12, 64L * 1024 * 1024, 2L * 1024 * 1024 * 1024);

    private static readonly long DefaultFacts = Math.Clamp(AvailableMemory / 16384, 250_000, 1_250_000);

    public static BundleReadOptions Default { get; } = new();
}
