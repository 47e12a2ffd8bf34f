namespace NetDoctor.Cli.Pipeline;

/// <summary>
/// More thread-pool threads while `run` reads a small bundle before the packs' demand is known. Each parse task blocks
/// once its file is parsed until the demand is known (<see cref="DeferredDemand"/>); the pool starts with one thread
/// per core and adds more only slowly, so on two cores the first two parsed files stopped every other parse until the
/// packs were loaded, and the read ran after them instead of beside them. A blocked thread costs no CPU.
/// </summary>
/// <remarks>
/// Only for small inputs (<see cref="SmallInputBytes"/>): on a big bundle, dozens of files parsed at once while the
/// packs load held their results together (the 100-node scale bundle peaked ~200 MB higher, with more CPU in the GC),
/// and a big run's wall is its parsing anyway.
/// </remarks>
public sealed class ParseThreadReserve : IDisposable
{
    /// <summary>Worker threads the pool starts without delay while the demand is unknown: a small bundle's files, about.</summary>
    public const int Threads = 64;

    /// <summary>Inputs up to this many bytes (the files of the bundle folders given; an archive at 16 times its size) get the reserve.</summary>
    public const long SmallInputBytes = 4 * 1024 * 1024;

    private const long ArchiveExpansion = 16;

    private readonly int _workers;
    private readonly int _io;
    private bool _restored;

    private ParseThreadReserve()
    {
        ThreadPool.GetMinThreads(out _workers, out _io);
        ThreadPool.SetMinThreads(Math.Max(_workers, Threads), _io);
    }

    /// <summary>
    /// Raises the pool's minimum when <paramref name="inputs"/> (bundle folders or files) are small, else null;
    /// <see cref="Dispose"/> (once the demand is known) puts it back.
    /// </summary>
    public static ParseThreadReserve? ForSmall(IReadOnlyList<string> inputs) => IsSmall(inputs) ? new ParseThreadReserve() : null;

    public void Dispose()
    {
        if (_restored) return;
        _restored = true;
        ThreadPool.SetMinThreads(_workers, _io);
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
        // Standard input ("-"), or an input the read will report as missing: no reserve.
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
