using System.Runtime.InteropServices;

namespace NetDoctor.Engine.Rete;

/// <summary>
/// Per-session memory of a two-input node: left tokens and right facts, each hash-indexed by the join key when
/// the node's conditions contain equalities between the new pattern and earlier ones (otherwise one list each).
/// An index maps a key to the head of an intrusive list, so a bucket costs no allocation beyond its dictionary entry.
/// </summary>
internal sealed class BetaMemory(bool indexed)
{
    private static readonly object NullKey = new();

    private readonly TokenList leftAll = new();
    private readonly RightList rightAll = new();
    private readonly Dictionary<object, Token>? leftIndex = indexed ? new() : null;
    private readonly Dictionary<object, RightEntry>? rightIndex = indexed ? new() : null;

    public void AddLeft(Token t, object? key)
    {
        t.Key = key;
        if (leftIndex is null)
        {
            leftAll.Add(t);
            return;
        }
        ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(leftIndex, key ?? NullKey, out _);
        t.PrevInList = null;
        t.NextInList = head;
        if (head is not null)
        {
            head.PrevInList = t;
        }
        head = t;
    }

    public void RemoveLeft(Token t)
    {
        if (leftIndex is null)
        {
            leftAll.Remove(t);
            return;
        }
        if (t.PrevInList is not null)
        {
            t.PrevInList.NextInList = t.NextInList;
        }
        else if (t.NextInList is null)
        {
            leftIndex.Remove(t.Key ?? NullKey);
        }
        else
        {
            CollectionsMarshal.GetValueRefOrNullRef(leftIndex, t.Key ?? NullKey) = t.NextInList;
        }
        if (t.NextInList is not null)
        {
            t.NextInList.PrevInList = t.PrevInList;
        }
        t.PrevInList = t.NextInList = null;
    }

    public Token? FirstLeft(object? key)
    {
        if (leftIndex is null)
        {
            return leftAll.First;
        }
        return leftIndex.GetValueOrDefault(key ?? NullKey);
    }

    public void AddRight(RightEntry e)
    {
        if (rightIndex is null)
        {
            rightAll.Add(e);
            return;
        }
        ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(rightIndex, e.Key ?? NullKey, out _);
        e.Prev = null;
        e.Next = head;
        if (head is not null)
        {
            head.Prev = e;
        }
        head = e;
    }

    public void RemoveRight(RightEntry e)
    {
        if (rightIndex is null)
        {
            rightAll.Remove(e);
            return;
        }
        if (e.Prev is not null)
        {
            e.Prev.Next = e.Next;
        }
        else if (e.Next is null)
        {
            rightIndex.Remove(e.Key ?? NullKey);
        }
        else
        {
            CollectionsMarshal.GetValueRefOrNullRef(rightIndex, e.Key ?? NullKey) = e.Next;
        }
        if (e.Next is not null)
        {
            e.Next.Prev = e.Prev;
        }
        e.Prev = e.Next = null;
    }

    public RightEntry? FirstRight(object? key)
    {
        if (rightIndex is null)
        {
            return rightAll.First;
        }
        return rightIndex.GetValueOrDefault(key ?? NullKey);
    }
}
