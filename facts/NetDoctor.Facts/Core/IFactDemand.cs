namespace NetDoctor.Facts;

/// <summary>
/// Which facts the consumer of a read can use (e.g. the rules of a run: engine/NetDoctor.Packs' RuleFactDemand). The
/// reader drops the others as each file is parsed, so they die young instead of filling the heap: at 100 nodes kube-proxy's
/// per-Service chains, identical on every node and read by no rule, are 97% of the facts. Without a demand (the `facts`
/// command, pack tests) every fact is kept.
/// </summary>
public interface IFactDemand
{
    /// <summary>True when some consumer could use <paramref name="fact"/>; must be true when unsure.</summary>
    bool Wants(Fact fact);

    /// <summary>
    /// Completes when <see cref="Wants"/> can answer without waiting (a demand worked out while the reading has begun,
    /// see the CLI's DeferredDemand): readers keep facts once it has, instead of holding a thread until then.
    /// </summary>
    Task Ready => Task.CompletedTask;
}
