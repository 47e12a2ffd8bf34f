using NetDoctor.Facts;

namespace NetDoctor.Cli.Pipeline;

/// <summary>
/// The run's demand before it is known: `run` starts reading its bundles on a worker while it loads the packs the
/// demand comes from, so on two cores the parsers and the pack loader work at once. The reader keeps a file's facts once
/// the packs are loaded (<see cref="Ready"/>, set by <see cref="Known"/>; a parse that asks before, for a shared section, waits there); the facts kept
/// are exactly those the demand would have kept had it been known from the start.
/// </summary>
public sealed class DeferredDemand : IFactDemand
{
    private readonly TaskCompletionSource<IFactDemand> _demand = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A demand that keeps nothing: what a read that is no longer wanted (the packs failed to load) finishes with.</summary>
    public static readonly IFactDemand Nothing = new NoFacts();

    public bool Wants(Fact fact) => _demand.Task.Result.Wants(fact);

    public Task Ready => _demand.Task;

    /// <summary>The demand is now known; parse tasks waiting on it go on.</summary>
    public void Known(IFactDemand demand) => _demand.TrySetResult(demand);

    private sealed class NoFacts : IFactDemand
    {
        public bool Wants(Fact fact) => false;
    }
}
