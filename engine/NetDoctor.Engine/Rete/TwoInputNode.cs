using NetDoctor.Engine.Runtime;

namespace NetDoctor.Engine.Rete;

/// <summary>Shared machinery of nodes that match left tokens against right facts through a <see cref="JoinSpec"/>.</summary>
internal abstract class TwoInputNode : BetaNode
{
    public required JoinSpec Join { get; init; }

    public override object? CreateMemory() => new BetaMemory(Join.Indexed);

    protected BetaMemory Memory(Session session) => session.MemoryOf<BetaMemory>(this);

    /// <summary>Stores a left token (the rule's root token too, so right facts can join against it).</summary>
    protected BetaMemory StoreLeft(Session session, Token left)
    {
        var memory = Memory(session);
        memory.AddLeft(left, Join.LeftKey(left));
        return memory;
    }

    protected RightEntry StoreRight(BetaMemory memory, FactHandle fact)
    {
        var entry = new RightEntry(this, fact, Join.RightKey(fact));
        memory.AddRight(entry);
        fact.AddMembership(entry);
        return entry;
    }

    public override void RightRemove(Session session, RightEntry entry) => Memory(session).RemoveRight(entry);
}
