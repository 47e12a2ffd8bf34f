using System.Numerics;
using System.Runtime.CompilerServices;
using NetDoctor.Engine.Rete;

namespace NetDoctor.Engine.Runtime;

/// <summary>
/// Working memory's lookup from a fact (by reference) to its slot in the insertion-order array: an open-addressing
/// hash table of slot numbers with linear probing. A table entry is 4 bytes and the table is kept at most half full,
/// about 11 bytes per fact, where a <c>Dictionary&lt;object, int&gt;</c> takes 28 (a 24-byte entry plus a bucket).
/// The fact is not stored here: a probe compares against the slot's entry in the order array (the fact, or its
/// handle), and a fact's hash is recomputed (<see cref="RuntimeHelpers.GetHashCode(object)"/>, kept in the object
/// header) when the table grows or an entry moves back after a removal.
/// </summary>
internal sealed class SlotIndex
{
    private const int Empty = 0;

    /// <summary>Slot + 1, or <see cref="Empty"/>.</summary>
    private int[] _table = new int[16];
    private int _shift = 32 - 4;
    private int _count;

    public int Count => _count;

    /// <summary>The fact's slot, -1 if absent.</summary>
    public int Find(object fact, object?[] order)
    {
        var mask = _table.Length - 1;
        for (var i = Home(fact); ; i = (i + 1) & mask)
        {
            var entry = _table[i];
            if (entry == Empty)
            {
                return -1;
            }
            if (Holds(order[entry - 1], fact))
            {
                return entry - 1;
            }
        }
    }

    /// <summary>Adds the fact at <paramref name="slot"/> unless present (returns false); the first <paramref name="used"/> slots of <paramref name="order"/> hold the other facts.</summary>
    public bool TryAdd(object fact, int slot, object?[] order, int used)
    {
        if ((_count + 1) * 2 > _table.Length)
        {
            Rebuild(_table.Length * 2, order, used);
        }
        var mask = _table.Length - 1;
        var i = Home(fact);
        for (; _table[i] != Empty; i = (i + 1) & mask)
        {
            if (Holds(order[_table[i] - 1], fact))
            {
                return false;
            }
        }
        _table[i] = slot + 1;
        _count++;
        return true;
    }

    /// <summary>Removes the fact (which must be present) and moves later entries of its probe run back into the gap.</summary>
    public void Remove(object fact, object?[] order)
    {
        var mask = _table.Length - 1;
        var gap = Home(fact);
        while (!Holds(order[_table[gap] - 1], fact))
        {
            gap = (gap + 1) & mask;
        }
        for (var i = (gap + 1) & mask; _table[i] != Empty; i = (i + 1) & mask)
        {
            var home = Home(Fact(order[_table[i] - 1]!));
            // The entry at i may fill the gap unless its home lies cyclically in (gap, i].
            if (((i - home) & mask) >= ((i - gap) & mask))
            {
                _table[gap] = _table[i];
                gap = i;
            }
        }
        _table[gap] = Empty;
        _count--;
    }

    /// <summary>Makes room for <paramref name="facts"/> facts in all, the first <paramref name="used"/> slots of <paramref name="order"/> being in use.</summary>
    public void EnsureCapacity(int facts, object?[] order, int used)
    {
        if (facts * 2 > _table.Length)
        {
            Rebuild(SizeFor(facts), order, used);
        }
    }

    /// <summary>After working memory renumbered its slots: the table is rebuilt, sized for the facts left.</summary>
    public void Renumbered(object?[] order, int used) => Rebuild(SizeFor(_count), order, used);

    private static int SizeFor(int facts) => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(facts, 8) * 2);

    /// <summary>Rehashes every fact of <paramref name="order"/>'s first <paramref name="used"/> slots into a table of <paramref name="size"/> entries.</summary>
    private void Rebuild(int size, object?[] order, int used)
    {
        _table = new int[size];
        _shift = 32 - BitOperations.Log2((uint)_table.Length);
        var mask = _table.Length - 1;
        for (var slot = 0; slot < used; slot++)
        {
            if (order[slot] is { } entry)
            {
                var i = Home(Fact(entry));
                while (_table[i] != Empty)
                {
                    i = (i + 1) & mask;
                }
                _table[i] = slot + 1;
            }
        }
    }

    // Fibonacci hashing spreads the header hash codes over the table's top bits.
    private int Home(object fact) => (int)((uint)RuntimeHelpers.GetHashCode(fact) * 0x9E3779B9u >> _shift);

    private static bool Holds(object? entry, object fact) =>
        ReferenceEquals(entry, fact) || (entry is FactHandle handle && ReferenceEquals(handle.Value, fact));

    private static object Fact(object entry) => entry is FactHandle handle ? handle.Value : entry;
}
