namespace NetDoctor.Engine.Rete;

/// <summary>
/// Per-session memory of a two-input node: left tokens and right facts, each hash-indexed by the join key when
/// the node's conditions contain equalities between the new pattern and earlier ones (otherwise one list each).
/// </summary>
internal sealed class BetaMemory(bool indexed)
{
    private static readonly object NullKey = new();

    private readonly TokenList leftAll = new();
    private readonly RightList rightAll = new();
    private readonly Dictionary<object, TokenList>? leftIndex = indexed ? new() : null;
    private readonly Dictionary<object, RightList>? rightIndex = indexed ? new() : null;

    public void AddLeft(Token t, object? key)
    {
        t.Key = key;
        if (leftIndex is null)
        {
            leftAll.Add(t);
            return;
        }
        ref var list = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(leftIndex, key ?? NullKey, out _);
        (list ??= new TokenList()).Add(t);
    }

    public void RemoveLeft(Token t)
    {
        var list = t.List!;
        list.Remove(t);
        if (leftIndex is not null && list.Count == 0)
        {
            leftIndex.Remove(t.Key ?? NullKey);
        }
    }

    public Token? FirstLeft(object? key)
    {
        if (leftIndex is null)
        {
            return leftAll.First;
        }
        return leftIndex.TryGetValue(key ?? NullKey, out var list) ? list.First : null;
    }

    public void AddRight(RightEntry e)
    {
        if (rightIndex is null)
        {
            rightAll.Add(e);
            return;
        }
        ref var list = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(rightIndex, e.Key ?? NullKey, out _);
        (list ??= new RightList()).Add(e);
    }

    public void RemoveRight(RightEntry e)
    {
        var list = e.List!;
        list.Remove(e);
        if (rightIndex is not null && list.Count == 0)
        {
            rightIndex.Remove(e.Key ?? NullKey);
        }
    }

    public RightEntry? FirstRight(object? key)
    {
        if (rightIndex is null)
        {
            return rightAll.First;
        }
        return rightIndex.TryGetValue(key ?? NullKey, out var list) ? list.First : null;
    }
}
