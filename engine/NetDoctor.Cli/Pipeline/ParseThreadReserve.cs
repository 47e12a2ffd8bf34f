namespace NetDoctor.Cli.Pipeline;

/// <summary>
/// More thread-pool threads while `run` reads its bundles before the packs' demand is known. Each parse task blocks
/// once its file is parsed until the demand is known (<see cref="DeferredDemand"/>); the pool starts with one thread
/// per core and adds more only slowly, so on two cores the first two parsed files stopped every other parse until the
/// packs were loaded, and the read then ran after them instead of beside them. A blocked thread costs no CPU.
/// </summary>
public sealed class ParseThreadReserve : IDisposable
{
    /// <summary>Worker threads the pool starts without delay while the demand is unknown: a small bundle's files, about.</summary>
    public const int Threads = 64;

    private readonly int _workers;
    private readonly int _io;
    private bool _restored;

    private ParseThreadReserve()
    {
        ThreadPool.GetMinThreads(out _workers, out _io);
        ThreadPool.SetMinThreads(Math.Max(_workers, Threads), _io);
    }

    /// <summary>Raises the pool's minimum; <see cref="Dispose"/> (once the demand is known) puts it back.</summary>
    public static ParseThreadReserve Raise() => new();

    public void Dispose()
    {
        if (_restored) return;
        _restored = true;
        ThreadPool.SetMinThreads(_workers, _io);
    }
}
