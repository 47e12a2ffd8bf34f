using System.Runtime;

namespace NetDoctor.Cli.Pipeline;

/// <summary>
/// What `run` does differently for a small input (<see cref="SmallInputBytes"/>), whose wall time is almost all
/// start-up: no garbage collection for the first <see cref="NoGcBytes"/> allocated (a run on any sample allocates
/// 40–57 MB). The one to three collections of such a run paused every thread for 7–60 ms in all, for a heap that never
/// holds more than a few MB; it costs ~13 MB of peak memory, and past the budget the collector runs as usual.
/// </summary>
/// <remarks>
/// Not for bigger inputs: the 10-node scale bundle (2.7 MB) peaked 60 MB higher without its collections (with a 96 MB
/// budget), for no gain, and a bigger run's wall is its parsing anyway.
/// </remarks>
public sealed class SmallInputStart : IDisposable
{
    /// <summary>Inputs up to this many bytes (the files of the bundle folders given; an archive at 16 times its size) count as small.</summary>
    public const long SmallInputBytes = 1024 * 1024;

    /// <summary>What may be allocated before the first collection.</summary>
    public const long NoGcBytes = 64 * 1024 * 1024;

    /// <summary>Memory the process may use below which no region is started (four times the region).</summary>
    public const long MinAvailableBytes = 4 * NoGcBytes;

    private const long ArchiveExpansion = 16;

    private readonly bool _noGc;

    private SmallInputStart()
    {
        // The CLI tests run commands in one process, some at once: only one may hold the region.
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) return;
        // Only with room to spare: under a 32 MB heap limit (a tight container) the runtime crashed in the region.
        if (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes < MinAvailableBytes) return;
        try
        {
            _noGc = GC.TryStartNoGCRegion(NoGcBytes);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentOutOfRangeException)
        {
            // Another command started one meanwhile, or the budget is more than this heap allows.
        }
    }

    /// <summary>The start of a run over <paramref name="inputs"/> (bundle folders or files) when they are small, else null.</summary>
    public static SmallInputStart? For(IReadOnlyList<string> inputs) => IsSmall(inputs) ? new SmallInputStart() : null;

    /// <summary>Ends the no-GC region if the run stayed within it.</summary>
    public void Dispose()
    {
        if (!_noGc || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return;
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // A collection already ended it (the run allocated past the budget).
        }
    }

    /// <summary>True when every input is a file or folder whose files add up to at most <see cref="SmallInputBytes"/>; stops counting past it.</summary>
    private static bool IsSmall(IReadOnlyList<string> inputs)
    {
        long total = 0;
        try
        {
            foreach (string input in inputs)
            {
                total += SizeUpTo(input, SmallInputBytes - total);
                if (total > SmallInputBytes) return false;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        return inputs.Count > 0;
    }

    /// <summary>The bytes of a file, or of a folder's files counted until past <paramref name="limit"/>; past it for anything else.</summary>
    private static long SizeUpTo(string input, long limit)
    {
        // An archive counts 16 times its size: compressed text unpacks to about that (a hostile one to far more, which
        // the read's own budgets bound).
        if (File.Exists(input)) return new FileInfo(input).Length * ArchiveExpansion;
        // Standard input ("-"), or an input the read will report as missing: not small.
        if (!Directory.Exists(input)) return limit + 1;
        long total = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        foreach (var file in new DirectoryInfo(input).EnumerateFiles("*", options))
        {
            total += file.Length;
            if (total > limit) break;
        }
        return total;
    }
}
