using NetDoctor.Engine.Runtime;

namespace NetDoctor.Engine.Rete;

/// <summary>
/// Aggregates, per left token, the right facts that join with it (collect, count, group-by) and emits one token
/// per result whose value passes the result conditions. Changes only mark groups dirty; results are rebuilt once
/// per dirty group at the end of the propagation batch, so inserting 10k facts costs 10k adds plus one rebuild.
/// </summary>
internal sealed class AggregateNode : TwoInputNode
{
    public required AggregateShape Shape { get; init; }

    public required bool GroupBy { get; init; }

    public Func<object, object?>? KeySelector { get; init; }

    public Func<object, object?>? ElementSelector { get; init; }

    /// <summary>The enclosing pattern's conditions on the aggregate result (and earlier declarations).</summary>
    public required JoinSpec ResultConditions { get; init; }

    public override void LeftAssert(Session session, Token left)
    {
        var memory = StoreLeft(session, left);
        var state = new AggregateState(left);
        left.State = state;
        if (!GroupBy)
        {
            state.Single = new AggregateGroup(this, state, null);
            session.MarkDirty(state.Single);
        }
        // Right memory lists the newest fact first; prepending keeps the elements oldest first, so building needs no sort.
        // The group key and element are computed again here rather than kept per fact in the right memory (bytes per
        // fact): a rule's first element (the usual place of a group-by) has its one left token before any fact arrives.
        foreach (var fact in memory.Right.Facts(left.Key))
        {
            if (Join.Accepts(session, left, fact) && TrySelect(session, KeySelector, fact, out var groupKey) && TryElement(session, fact, out var element))
            {
                AddElement(session, state, fact, groupKey, element, first: true);
            }
        }
    }

    public override void LeftRetract(Session session, Token left)
    {
        Memory(session).RemoveLeft(left);
        var state = (AggregateState)left.State!;
        state.Dead = true;
        if (state.Single is not null)
        {
            UnlinkElements(state.Single);
        }
        if (state.Groups is not null)
        {
            foreach (var group in state.Groups.Values)
            {
                UnlinkElements(group);
            }
        }
        left.State = null;
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
        if (!TrySelect(session, KeySelector, fact, out var groupKey) || !TryElement(session, fact, out var element))
        {
            return;
        }
        for (var t = memory.FirstLeft(key); t is not null; t = t.NextInList)
        {
            if (Join.Accepts(session, t, fact))
            {
                AddElement(session, (AggregateState)t.State!, fact, groupKey, element, first: false);
            }
        }
    }

    public override void ShadowRetract(Session session, Token shadow)
    {
        var group = (AggregateGroup)shadow.Key!;
        group.Elements.Remove(shadow);
        shadow.Fact!.Unlink(shadow);
        session.MarkDirty(group);
    }

    /// <summary>Rebuilds a dirty group's result and re-emits it if it changed. Called by the session at the end of a batch.</summary>
    public void Refresh(Session session, AggregateGroup group)
    {
        var state = group.Owner;
        if (state.Dead || session.IsDisabled(RuleIndex))
        {
            return;
        }
        if (GroupBy && group.Elements.Count == 0)
        {
            if (group.ResultToken is not null)
            {
                session.RetractToken(group.ResultToken);
            }
            state.Groups!.Remove(group.Key ?? NullKey);
            return;
        }
        var value = Shape.Build(group);
        var elementUpdated = group.ElementUpdated;
        group.ElementUpdated = false;
        if (!elementUpdated && group.Result is not null && Shape.ContentEquals(group.Result.Value, value))
        {
            return;
        }
        if (group.ResultToken is not null)
        {
            session.RetractToken(group.ResultToken);
            group.ResultToken = null;
        }
        // A fresh handle per result keeps the previous value reachable from the old token, so a re-found
        // activation can compare old and new results; the identity says both are "the same slot".
        group.Result = new AggregateResultHandle(value, group);
        if (elementUpdated)
        {
            session.MarkUpdated(group.Result);
        }
        if (ResultConditions.Test(session, state.Left, value))
        {
            group.ResultToken = session.Emit(this, state.Left, group.Result);
        }
    }

    private static readonly object NullKey = new();

    private void AddElement(Session session, AggregateState state, FactHandle fact, object? groupKey, object? element, bool first)
    {
        var group = state.Single ?? GroupFor(state, groupKey);
        var shadow = new Token(state.Left, fact, this, state.Left.Index, isShadow: true) { State = element, Key = group };
        if (first)
        {
            group.Elements.AddFirst(shadow);
        }
        else
        {
            group.Elements.Add(shadow);
        }
        fact.Link(shadow);
        group.ElementUpdated |= session.UpdatedInBatch(fact);
        session.MarkDirty(group);
    }

    private AggregateGroup GroupFor(AggregateState state, object? key)
    {
        state.Groups ??= new Dictionary<object, AggregateGroup>();
        if (!state.Groups.TryGetValue(key ?? NullKey, out var group))
        {
            group = new AggregateGroup(this, state, key);
            state.Groups.Add(key ?? NullKey, group);
        }
        return group;
    }

    private static void UnlinkElements(AggregateGroup group)
    {
        for (var s = group.Elements.First; s is not null; s = s.NextInList)
        {
            s.Fact!.Unlink(s);
        }
    }

    private bool TryElement(Session session, FactHandle fact, out object? element)
    {
        if (ElementSelector is null)
        {
            element = fact.Value;
            return true;
        }
        return TrySelect(session, ElementSelector, fact, out element);
    }

    /// <summary>A group key or element; a selector that throws fails the rule (the fact is then left out, and the rule torn down).</summary>
    private bool TrySelect(Session session, Func<object, object?>? selector, FactHandle fact, out object? value)
    {
        value = null;
        if (selector is null)
        {
            return true;
        }
        try
        {
            value = selector(fact.Value);
            return true;
        }
        catch (Exception ex)
        {
            session.Fail(RuleIndex, [new BoundFact(Join.RightDeclaration, fact.Value)], ex);
            return false;
        }
    }
}
