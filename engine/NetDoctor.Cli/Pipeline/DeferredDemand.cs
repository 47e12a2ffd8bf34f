using NetDoctor.Facts;

namespace NetDoctor.Cli.Pipeline;

/// <summary>
/// The run's demand before it is known: `run` starts reading its bundles on a worker while it loads the packs the
/// demand comes from, so on two cores the parsers and the pack loader work at once. Each parse task asks only when its
/// file is parsed, and waits there until the packs are loaded (<see cref="Known"/>); the facts kept are exactly those
/// the demand would have kept had it been known from the start.
/// </summary>
public sealed class DeferredDemand : IFactDemand
{
    private readonly TaskCompletionSource<IFactDemand> _demand = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A demand that keeps nothing: what a read that is no longer wanted (the packs failed to load) finishes with.</summary>
    public static readonly IFactDemand Nothing = new NoFacts();

    public bool Wants(Fact fact) => _demand.Task.Result.Wants(fact);

    /// <summary>The demand is now known; parse tasks waiting on it go on.</summary>
    public void Known(IFactDemand demand) => _demand.TrySetResult(demand);

    private sealed class NoFacts : IFactDemand
    {
        public bool Wants(Fact fact) => false;
    }
}
