using System.Runtime.InteropServices;

namespace NetDoctor.Engine.Rete;

/// <summary>
/// Per-session memory of a two-input node: left tokens and right facts, each hash-indexed by the join key when
/// the node's conditions contain equalities between the new pattern and earlier ones (otherwise one list each).
/// A left index maps a key to the head of an intrusive token list, so a bucket costs no allocation beyond its
/// dictionary entry; the right side is a <see cref="RightMemory"/>.
/// </summary>
internal sealed class BetaMemory(bool indexed)
{
    private static readonly object NullKey = new();

    private readonly TokenList _leftAll = new();
    private readonly Dictionary<object, Token>? _leftIndex = indexed ? new() : null;

    public RightMemory Right { get; } = new(indexed);

    public void AddLeft(Token t, object? key)
    {
        t.Key = key;
        if (_leftIndex is null)
        {
            _leftAll.Add(t);
            return;
        }
        ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(_leftIndex, key ?? NullKey, out _);
        t.PrevInList = null;
        t.NextInList = head;
        if (head is not null)
        {
            head.PrevInList = t;
            // Tokens of one bucket share its first key object: an equal key made for this token is garbage at once.
            t.Key = head.Key;
        }
        head = t;
    }

    public void RemoveLeft(Token t)
    {
        if (_leftIndex is null)
        {
            _leftAll.Remove(t);
            return;
        }
        if (t.PrevInList is not null)
        {
            t.PrevInList.NextInList = t.NextInList;
        }
        else if (t.NextInList is null)
        {
            _leftIndex.Remove(t.Key ?? NullKey);
        }
        else
        {
            CollectionsMarshal.GetValueRefOrNullRef(_leftIndex, t.Key ?? NullKey) = t.NextInList;
        }
        if (t.NextInList is not null)
        {
            t.NextInList.PrevInList = t.PrevInList;
        }
        t.PrevInList = t.NextInList = null;
    }

    public Token? FirstLeft(object? key)
    {
        if (_leftIndex is null)
        {
            return _leftAll.First;
        }
        return _leftIndex.GetValueOrDefault(key ?? NullKey);
    }
}
