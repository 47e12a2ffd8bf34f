using NetDoctor.Engine.Rete;

namespace NetDoctor.Engine.Runtime;

/// <summary>
/// The facts of a session by reference identity, in insertion order: an array of slots (a fact's slot is its place in
/// the order) and a <see cref="SlotIndex"/> from fact to slot. A slot holds the fact's <see cref="FactHandle"/>, or —
/// for a plain fact that no right memory took and no token uses — the fact itself, so such facts cost no handle; one
/// is made again when the fact is updated or retracted (<see cref="Find"/>). Removal leaves a hole; holes are squeezed
/// out (renumbering slots, keeping their order) once they outnumber the facts.
/// </summary>
internal sealed class WorkingMemory
{
    private readonly SlotIndex index = new();
    private object?[] order = new object?[16];
    private int end;

    public int Count => index.Count;

    public bool Contains(object fact) => index.Find(fact, order) >= 0;

    /// <summary>The fact's handle: the stored one, or a new one standing for a fact kept bare (<see cref="Settle"/> decides whether to keep it).</summary>
    public FactHandle? Find(object fact)
    {
        var slot = index.Find(fact, order);
        if (slot < 0)
        {
            return null;
        }
        return order[slot] as FactHandle ?? new FactHandle(fact) { Slot = slot };
    }

    /// <summary>The handle kept for the fact, null if the fact is kept bare or absent.</summary>
    public FactHandle? Stored(object fact)
    {
        var slot = index.Find(fact, order);
        return slot < 0 ? null : order[slot] as FactHandle;
    }

    public void EnsureCapacity(int additional)
    {
        if (end + additional > order.Length)
        {
            Array.Resize(ref order, end + additional);
        }
        index.EnsureCapacity(index.Count + additional, order, end);
    }

    /// <summary>Adds the handle at the end of the order unless its object is already present.</summary>
    public bool TryAdd(FactHandle handle)
    {
        if (end == order.Length)
        {
            MakeRoom();
        }
        if (!index.TryAdd(handle.Value, end, order, end))
        {
            return false;
        }
        handle.Slot = end;
        order[end++] = handle;
        return true;
    }

    /// <summary>
    /// After the network has seen the fact: a plain fact's handle that nothing refers to (no token, and no right memory
    /// took it: <paramref name="inRightMemory"/>) is dropped and the slot keeps the bare fact.
    /// </summary>
    public void Settle(FactHandle handle, bool inRightMemory)
    {
        if (handle.InWorkingMemory)
        {
            order[handle.Slot] = handle.Detached(inRightMemory) ? handle.Value : handle;
        }
    }

    public void Remove(FactHandle handle)
    {
        index.Remove(handle.Value, order);
        order[handle.Slot] = null;
        handle.Slot = -1;
        if (end - index.Count > Math.Max(index.Count, 1024))
        {
            Compact();
        }
    }

    /// <summary>Gives a handle a new object (a linked fact re-derived as a new record) keeping its place.</summary>
    public void Replace(FactHandle handle, object value)
    {
        // The entry is found through the slot's handle: remove under the old object, add under the new one.
        index.Remove(handle.Value, order);
        handle.Value = value;
        index.TryAdd(value, handle.Slot, order, end);
    }

    public List<T> OfType<T>()
    {
        var result = new List<T>();
        for (var i = 0; i < end; i++)
        {
            var entry = order[i];
            if ((entry is FactHandle handle ? handle.Value : entry) is T t)
            {
                result.Add(t);
            }
        }
        return result;
    }

    private void MakeRoom()
    {
        if (end - index.Count > end / 2)
        {
            Compact();
        }
        else
        {
            Array.Resize(ref order, Math.Max(16, order.Length * 2));
        }
    }

    /// <summary>Squeezes out the holes left by removed facts; slots are renumbered in order, so comparisons between them still hold.</summary>
    private void Compact()
    {
        var next = 0;
        for (var i = 0; i < end; i++)
        {
            var entry = order[i];
            if (entry is null)
            {
                continue;
            }
            if (entry is FactHandle handle)
            {
                handle.Slot = next;
            }
            order[next++] = entry;
        }
        Array.Clear(order, next, end - next);
        end = next;
        index.Renumbered(order, end);
    }
}
