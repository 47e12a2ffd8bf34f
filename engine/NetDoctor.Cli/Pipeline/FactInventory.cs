using NetDoctor.Facts;
using NetDoctor.Packs.Inputs;

namespace NetDoctor.Cli.Pipeline;

/// <summary>
/// Notes the type and node of every fact the reader offers to the run's demand before passing the question on, so the
/// not-evaluated report knows what the inputs held even where no rule wanted the facts (iptables without Calico
/// chains); <see cref="AddKept"/> adds what skipped the demand (facts merged after reading).
/// </summary>
public sealed class FactInventory(IFactDemand inner) : IFactDemand
{
    public FactsRead Read { get; } = new();

    public bool Wants(Fact fact)
    {
        Read.Add(fact.GetType(), fact.Node);
        return inner.Wants(fact);
    }

    public void AddKept(IEnumerable<Fact> facts) => Add(Read, facts);

    /// <summary>What a read without a demand held (every fact was kept).</summary>
    public static FactsRead Of(IEnumerable<Fact> facts)
    {
        var read = new FactsRead();
        Add(read, facts);
        return read;
    }

    private static void Add(FactsRead read, IEnumerable<Fact> facts)
    {
        foreach (var fact in facts) read.Add(fact.GetType(), fact.Node);
    }
}
