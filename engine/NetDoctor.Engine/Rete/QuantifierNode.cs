using NetDoctor.Engine.Runtime;

namespace NetDoctor.Engine.Rete;

/// <summary>
/// Base of not/exists: counts, per left token, the right facts that match it (as shadow tokens, so a retracted
/// fact finds the left tokens it blocked without re-evaluating conditions) and lets the left token through
/// (as a fact-less pass-through token) while the count is zero (not) or positive (exists).
/// </summary>
internal abstract class QuantifierNode : TwoInputNode
{
    protected abstract bool PassesWith(int matches);

    public override void LeftAssert(Session session, Token left)
    {
        var memory = StoreLeft(session, left);
        foreach (var fact in memory.Right.Facts(left.Key))
        {
            if (Join.Accepts(session, left, fact))
            {
                AddShadow(session, left, fact);
            }
        }
        if (PassesWith(Matches(left)))
        {
            session.Emit(this, left, null);
        }
    }

    public override void LeftRetract(Session session, Token left)
    {
        Memory(session).RemoveLeft(left);
        if (left.State is TokenList shadows)
        {
            for (var s = shadows.First; s is not null; s = s.NextInList)
            {
                s.Fact!.Unlink(s);
            }
            left.State = null;
        }
        session.RetractChildren(left);
    }

    public override void RightAssert(Session session, FactHandle fact)
    {
        if (session.IsDisabled(RuleIndex))
        {
            return;
        }
        var memory = Memory(session);
        var key = StoreRight(session, memory, fact);
        for (var t = memory.FirstLeft(key); t is not null; t = t.NextInList)
        {
            if (!Join.Accepts(session, t, fact))
            {
                continue;
            }
            var before = PassesWith(Matches(t));
            AddShadow(session, t, fact);
            Toggle(session, t, before);
        }
    }

    public override void ShadowRetract(Session session, Token shadow)
    {
        var left = shadow.Parent!;
        var before = PassesWith(Matches(left));
        ((TokenList)left.State!).Remove(shadow);
        shadow.Fact!.Unlink(shadow);
        Toggle(session, left, before);
    }

    private void Toggle(Session session, Token left, bool before)
    {
        var after = PassesWith(Matches(left));
        if (before == after)
        {
            return;
        }
        if (after)
        {
            session.Emit(this, left, null);
        }
        else
        {
            session.RetractChildren(left);
        }
    }

    private static int Matches(Token left) => left.State is TokenList shadows ? shadows.Count : 0;

    private void AddShadow(Session session, Token left, FactHandle fact)
    {
        var shadows = left.State as TokenList ?? (TokenList)(left.State = new TokenList());
        var shadow = new Token(left, fact, this, left.Index, isShadow: true);
        shadows.Add(shadow);
        fact.Link(shadow);
    }
}

/// <summary>Passes a left token while no right fact matches it.</summary>
internal sealed class NotNode : QuantifierNode
{
    protected override bool PassesWith(int matches) => matches == 0;
}

/// <summary>Passes a left token once while at least one right fact matches it.</summary>
internal sealed class ExistsNode : QuantifierNode
{
    protected override bool PassesWith(int matches) => matches > 0;
}
