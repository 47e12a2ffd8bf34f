namespace NetDoctor.Engine.Rete;

/// <summary>
/// A fact held in one beta node's right memory, with the index key computed when it arrived (so removal
/// never recomputes it from a possibly mutated fact). Aggregate nodes also keep the group key and element here.
/// </summary>
internal sealed class RightEntry(BetaNode node, FactHandle fact, object? key)
{
    public readonly BetaNode Node = node;
    public readonly FactHandle Fact = fact;
    public readonly object? Key = key;

    public object? GroupKey;
    public object? Element;

    public RightEntry? Prev;
    public RightEntry? Next;
    public RightList? List;

    public RightEntry? NextMembership;
}

/// <summary>Intrusive doubly linked list of right entries.</summary>
internal sealed class RightList
{
    public RightEntry? First;
    public int Count;

    public void Add(RightEntry e)
    {
        e.List = this;
        e.Prev = null;
        e.Next = First;
        if (First is not null)
        {
            First.Prev = e;
        }
        First = e;
        Count++;
    }

    public void Remove(RightEntry e)
    {
        if (e.Prev is null)
        {
            First = e.Next;
        }
        else
        {
            e.Prev.Next = e.Next;
        }
        if (e.Next is not null)
        {
            e.Next.Prev = e.Prev;
        }
        e.Prev = e.Next = null;
        e.List = null;
        Count--;
    }
}
