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
    /// Most bytes of file content parsed across all files and inputs of one run: half the memory available to the process
    /// (<see cref="GC.GetGCMemoryInfo()"/>), between 64 MiB and 8 GiB. Text is not what stays: a file's bytes are held
    /// only until its parse is merged (the reader stops reading 128 MB ahead of its parses), and what a parse leaves is
    /// facts, bounded by <see cref="MaxFacts"/> and by the heap check of <see cref="ReadingBudget"/>. So this budget bounds
    /// the time spent parsing a hostile input, not memory: a 1,000-node Calico bundle (13.2 GB, 11 GB of it one nat table
    /// every node repeats, parsed once) charges ~0.7 GB, its nodes' own text; half of a 4 GB heap leaves room for three
    /// times that.
    /// </summary>
    public long MaxReadBytes { get; init; } = DefaultReadBytes;

    /// <summary>
    /// Most facts kept across a run, counted after the demand filter (<see cref="Demand"/>): the memory available / 2 KiB,
    /// between 250,000 and 8,000,000 (2,097,152 with a 4 GB heap). Measured (bench/README.md, "Scale"): a kept fact,
    /// compacted by the reader, retains ~290 bytes (`--fact-bytes`, 100-node bundle) and the rule session ~130 bytes more
    /// per fact (~390 on NRules, `--memory`), so the facts at the budget and their session take about a fifth to a third
    /// of memory; the rest is for the parse garbage, the read-ahead, the engine's firing and the report. A 1,000-node
    /// full-mesh cluster keeps ~1.2 M facts (each node's ~1,040 routes are most of them).
    /// </summary>
    public long MaxFacts { get; init; } = DefaultFacts;

    /// <summary>Managed memory a read may fill before it stops with a message; null: <see cref="ReadingBudget.Default"/>.</summary>
    public ReadingBudget? Budget { get; init; }

    /// <summary>Facts to keep (see <see cref="IFactDemand"/>); null keeps every fact.</summary>
    public IFactDemand? Demand { get; init; }

    private static readonly long AvailableMemory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    private static readonly long DefaultReadBytes = Math.Clamp(AvailableMemory / 2, 64L * 1024 * 1024, 8L * 1024 * 1024 * 1024);

    private static readonly long DefaultFacts = Math.Clamp(AvailableMemory / 2048, 250_000, 8_000_000);

    public static BundleReadOptions Default { get; } = new();
}
