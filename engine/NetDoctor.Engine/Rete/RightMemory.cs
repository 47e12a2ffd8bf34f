using System.Runtime.InteropServices;

namespace NetDoctor.Engine.Rete;

/// <summary>
/// The right memory of one two-input node in one session: the facts that reached it, newest first — one chain, or one
/// chain per join key when the node is indexed. Entries are slots of parallel arrays (12–16 bytes each, no object per
/// entry, the key stored once per chain) and are never unlinked one by one: an entry records its fact's
/// <see cref="FactHandle.Generation"/>, which changes when the fact leaves the network (a retract, or the retract half
/// of an update), so an entry whose generation no longer matches is skipped and later dropped by <see cref="Sweep"/>.
/// Retraction thus never needs to know which memories hold a fact, and a fact carries no list of memberships.
/// </summary>
internal sealed class RightMemory(bool indexed)
{
    private static readonly object NullKey = new();

    private FactHandle[] _facts = [];
    private int[] _generations = [];

    /// <summary>Indexed memories only: the next (older) slot of the same chain, -1 at its end. Unindexed, the chain is the array, read backwards.</summary>
    private int[] _next = [];
    private int _count;
    private Dictionary<object, int>? _heads = indexed ? new() : null;

    /// <summary>Entries held, stale ones included until the next sweep.</summary>
    public int Count => _count;

    public void Add(FactHandle fact, object? key)
    {
        if (_count == _facts.Length)
        {
            Resize(_count < 8 ? 8 : _count + _count / 2);
        }
        _facts[_count] = fact;
        _generations[_count] = fact.Generation;
        if (_heads is not null)
        {
            ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(_heads, key ?? NullKey, out var exists);
            _next[_count] = exists ? head : -1;
            head = _count;
        }
        _count++;
    }

    /// <summary>The facts of the chain for <paramref name="key"/> (the only chain when not indexed), newest first, stale entries skipped.</summary>
    public Chain Facts(object? key)
    {
        if (_heads is null)
        {
            return new Chain(_facts, _generations, null, _count - 1);
        }
        return new Chain(_facts, _generations, _next, _heads.TryGetValue(key ?? NullKey, out var head) ? head : -1);
    }

    /// <summary>
    /// Drops stale entries and chains left empty, keeping every chain's order; returns the entries kept. Runs between
    /// propagation batches (never while a chain is being walked).
    /// </summary>
    public int Sweep()
    {
        var live = 0;
        for (var i = 0; i < _count; i++)
        {
            if (_facts[i].Generation == _generations[i])
            {
                live++;
            }
        }
        if (live == _count)
        {
            return live;
        }
        var (oldFacts, oldGenerations, oldNext, oldCount) = (_facts, _generations, _next, _count);
        (_facts, _generations, _next, _count) = ([], [], [], 0);
        Resize(live);
        if (_heads is null)
        {
            for (var i = 0; i < oldCount; i++)
            {
                if (oldFacts[i].Generation == oldGenerations[i])
                {
                    (_facts[_count], _generations[_count]) = (oldFacts[i], oldGenerations[i]);
                    _count++;
                }
            }
            return live;
        }
        var oldHeads = _heads;
        _heads = new Dictionary<object, int>(oldHeads.Count);
        foreach (var (key, head) in oldHeads)
        {
            var first = -1;
            var last = -1;
            for (var i = head; i >= 0; i = oldNext[i])
            {
                if (oldFacts[i].Generation != oldGenerations[i])
                {
                    continue;
                }
                (_facts[_count], _generations[_count], _next[_count]) = (oldFacts[i], oldGenerations[i], -1);
                if (last >= 0)
                {
                    _next[last] = _count;
                }
                else
                {
                    first = _count;
                }
                last = _count++;
            }
            if (first >= 0)
            {
                _heads.Add(key, first);
            }
        }
        return live;
    }

    private void Resize(int capacity)
    {
        Array.Resize(ref _facts, capacity);
        Array.Resize(ref _generations, capacity);
        if (_heads is not null)
        {
            Array.Resize(ref _next, capacity);
        }
    }

    /// <summary>
    /// A walk along one chain; a struct so that <c>foreach</c> over it allocates nothing. It holds the arrays it started
    /// on, so even a sweep run from inside the walk (an event handler changing the session) cannot make it read garbage.
    /// </summary>
    public struct Chain(FactHandle[] facts, int[] generations, int[]? next, int start)
    {
        private int _position = start;
        private int _following = start;

        public readonly Chain GetEnumerator() => this;

        public readonly FactHandle Current => facts[_position];

        public bool MoveNext()
        {
            while (_following >= 0)
            {
                _position = _following;
                _following = next is null ? _position - 1 : next[_position];
                if (facts[_position].Generation == generations[_position])
                {
                    return true;
                }
            }
            return false;
        }
    }
}
