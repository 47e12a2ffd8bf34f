namespace NetDoctor.Engine.Runtime;

/// <summary>
/// When a session sweeps stale entries out of its right memories (<see cref="Rete.RightMemory.Sweep"/>). A retraction
/// does not know which memories hold the fact, so it only counts; once retractions reach a quarter of the entries
/// kept at the last sweep, the next batch end sweeps every memory. That bounds the stale entries (and the retracted
/// facts they keep reachable) to a fraction of the live ones, at an amortized constant cost per retraction.
/// </summary>
internal sealed class RightMemorySweeps
{
    private const int Minimum = 1024;

    private int _retracted;
    private int _threshold = Minimum;

    public bool Due => _retracted >= _threshold;

    public void Retracted() => _retracted++;

    public void Swept(long liveEntries)
    {
        _retracted = 0;
        _threshold = (int)Math.Clamp(liveEntries / 4, Minimum, int.MaxValue);
    }
}
