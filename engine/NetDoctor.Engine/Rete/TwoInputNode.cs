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
        memory.AddLeft(left, Join.LeftKey(session, left));
        return memory;
    }

    /// <summary>Stores a right fact and returns its join key (null when the node is not indexed).</summary>
    protected object? StoreRight(Session session, BetaMemory memory, FactHandle fact)
    {
        var key = Join.RightKey(session, fact);
        memory.Right.Add(fact, key);
        session.NoteRightEntry();
        return key;
    }
}
