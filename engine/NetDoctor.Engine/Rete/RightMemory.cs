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

    private FactHandle[] facts = [];
    private int[] generations = [];

    /// <summary>Indexed memories only: the next (older) slot of the same chain, -1 at its end. Unindexed, the chain is the array, read backwards.</summary>
    private int[] next = [];
    private int count;
    private Dictionary<object, int>? heads = indexed ? new() : null;

    /// <summary>Entries held, stale ones included until the next sweep.</summary>
    public int Count => count;

    public void Add(FactHandle fact, object? key)
    {
        if (count == facts.Length)
        {
            Resize(count < 8 ? 8 : count + count / 2);
        }
        facts[count] = fact;
        generations[count] = fact.Generation;
        if (heads is not null)
        {
            ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(heads, key ?? NullKey, out var exists);
            next[count] = exists ? head : -1;
            head = count;
        }
        count++;
    }

    /// <summary>The facts of the chain for <paramref name="key"/> (the only chain when not indexed), newest first, stale entries skipped.</summary>
    public Chain Facts(object? key)
    {
        if (heads is null)
        {
            return new Chain(facts, generations, null, count - 1);
        }
        return new Chain(facts, generations, next, heads.TryGetValue(key ?? NullKey, out var head) ? head : -1);
    }

    /// <summary>
    /// Drops stale entries and chains left empty, keeping every chain's order; returns the entries kept. Runs between
    /// propagation batches (never while a chain is being walked).
    /// </summary>
    public int Sweep()
    {
        var live = 0;
        for (var i = 0; i < count; i++)
        {
            if (facts[i].Generation == generations[i])
            {
                live++;
            }
        }
        if (live == count)
        {
            return live;
        }
        var (oldFacts, oldGenerations, oldNext, oldCount) = (facts, generations, next, count);
        (facts, generations, next, count) = ([], [], [], 0);
        Resize(live);
        if (heads is null)
        {
            for (var i = 0; i < oldCount; i++)
            {
                if (oldFacts[i].Generation == oldGenerations[i])
                {
                    (facts[count], generations[count]) = (oldFacts[i], oldGenerations[i]);
                    count++;
                }
            }
            return live;
        }
        var oldHeads = heads;
        heads = new Dictionary<object, int>(oldHeads.Count);
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
                (facts[count], generations[count], next[count]) = (oldFacts[i], oldGenerations[i], -1);
                if (last >= 0)
                {
                    next[last] = count;
                }
                else
                {
                    first = count;
                }
                last = count++;
            }
            if (first >= 0)
            {
                heads.Add(key, first);
            }
        }
        return live;
    }

    private void Resize(int capacity)
    {
        Array.Resize(ref facts, capacity);
        Array.Resize(ref generations, capacity);
        if (heads is not null)
        {
            Array.Resize(ref next, capacity);
        }
    }

    /// <summary>
    /// A walk along one chain; a struct so that <c>foreach</c> over it allocates nothing. It holds the arrays it started
    /// on, so even a sweep run from inside the walk (an event handler changing the session) cannot make it read garbage.
    /// </summary>
    public struct Chain(FactHandle[] facts, int[] generations, int[]? next, int start)
    {
        private int position = start;
        private int following = start;

        public readonly Chain GetEnumerator() => this;

        public readonly FactHandle Current => facts[position];

        public bool MoveNext()
        {
            while (following >= 0)
            {
                position = following;
                following = next is null ? position - 1 : next[position];
                if (facts[position].Generation == generations[position])
                {
                    return true;
                }
            }
            return false;
        }
    }
}
