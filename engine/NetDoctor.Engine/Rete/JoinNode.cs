using NetDoctor.Engine.Runtime;

namespace NetDoctor.Engine.Rete;

/// <summary>
/// Extends each left token with each right fact satisfying the join conditions. With equality conjuncts the
/// candidates come from a hash bucket (O(matches)), not from a scan of the other memory.
/// A rule's first pattern has nothing to join with: every fact reaching it directly becomes a token.
/// </summary>
internal sealed class JoinNode : TwoInputNode
{
    public override object? CreateMemory() => LeftIsRoot ? null : base.CreateMemory();

    public override void LeftAssert(Session session, Token left)
    {
        if (LeftIsRoot)
        {
            return;
        }
        var memory = StoreLeft(session, left);
        foreach (var fact in memory.Right.Facts(left.Key))
        {
            if (Join.Accepts(session, left, fact))
            {
                session.Emit(this, left, fact);
            }
        }
    }

    public override void LeftRetract(Session session, Token left)
    {
        if (!LeftIsRoot)
        {
            Memory(session).RemoveLeft(left);
        }
        session.RetractChildren(left);
    }

    public override void RightAssert(Session session, FactHandle fact)
    {
        // A failed rule takes no new facts (its first node would otherwise make tokens of them without any test).
        if (session.IsDisabled(RuleIndex))
        {
            return;
        }
        if (LeftIsRoot)
        {
            session.Emit(this, session.RootFor(this), fact);
            return;
        }
        var memory = Memory(session);
        var key = StoreRight(session, memory, fact);
        for (var t = memory.FirstLeft(key); t is not null; t = t.NextInList)
        {
            if (Join.Accepts(session, t, fact))
            {
                session.Emit(this, t, fact);
            }
        }
    }
}
