using System.Runtime;

namespace NetDoctor.Cli.Pipeline;

/// <summary>
/// What `run` does differently for a small input (<see cref="SmallInputBytes"/>), whose wall time is almost all start-up:
/// <list type="bullet">
/// <item>More thread-pool threads while the bundles are read before the packs' demand is known. Each parse task blocks
/// once its file is parsed until the demand is known (<see cref="DeferredDemand"/>); the pool starts with one thread per
/// core and adds more only slowly, so on two cores the first two parsed files stopped every other parse until the packs
/// were loaded, and the read ran after them instead of beside them. A blocked thread costs no CPU.</item>
/// <item>No garbage collection for the first <see cref="NoGcBytes"/> allocated (a run on any sample allocates
/// 45–57 MB): the one to three collections of a small run paused every thread for 7–60 ms in all, for a heap that
/// never holds more than a few MB. It costs ~13 MB of peak memory; past the budget the collector runs as usual.</item>
/// </list>
/// Bigger inputs get neither: dozens of big files parsed at once while the packs load hold their results together (the
/// 100-node scale bundle peaked ~200 MB higher, with more CPU in the GC), the 10-node one (2.7 MB) peaked 60 MB
/// higher without the collections, and a bigger run's wall is its parsing anyway.
/// </summary>
public sealed class SmallInputStart : IDisposable
{
    /// <summary>Worker threads the pool starts without delay while the demand is unknown: a small bundle's files, about.</summary>
    public const int Threads = 64;

    /// <summary>Inputs up to this many bytes (the files of the bundle folders given; an archive at 16 times its size) count as small.</summary>
    public const long SmallInputBytes = 1024 * 1024;

    /// <summary>What may be allocated before the first collection.</summary>
    public const long NoGcBytes = 64 * 1024 * 1024;

    private const long ArchiveExpansion = 16;

    private readonly int _workers;
    private readonly int _io;
    private readonly bool _noGc;
    private bool _threadsRestored;

    private SmallInputStart()
    {
        ThreadPool.GetMinThreads(out _workers, out _io);
        ThreadPool.SetMinThreads(Math.Max(_workers, Threads), _io);
        // The CLI tests run commands in one process, some at once: only one may hold the region.
        if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
        {
            try
            {
                _noGc = GC.TryStartNoGCRegion(NoGcBytes);
            }
            catch (InvalidOperationException)
            {
                // Another command started one meanwhile.
            }
        }
    }

    /// <summary>The start of a run over <paramref name="inputs"/> (bundle folders or files) when they are small, else null.</summary>
    public static SmallInputStart? For(IReadOnlyList<string> inputs) => IsSmall(inputs) ? new SmallInputStart() : null;

    /// <summary>The demand is known: parse tasks no longer block, so the pool's minimum goes back.</summary>
    public void DemandKnown()
    {
        if (_threadsRestored) return;
        _threadsRestored = true;
        ThreadPool.SetMinThreads(_workers, _io);
    }

    /// <summary>Puts the pool back if not done yet, and ends the no-GC region if the run stayed within it.</summary>
    public void Dispose()
    {
        DemandKnown();
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
