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
    private readonly SlotIndex _index = new();
    private object?[] _order = new object?[16];
    private int _end;

    public int Count => _index.Count;

    public bool Contains(object fact) => _index.Find(fact, _order) >= 0;

    /// <summary>The fact's handle: the stored one, or a new one standing for a fact kept bare (<see cref="Settle"/> decides whether to keep it).</summary>
    public FactHandle? Find(object fact)
    {
        var slot = _index.Find(fact, _order);
        if (slot < 0)
        {
            return null;
        }
        return _order[slot] as FactHandle ?? new FactHandle(fact) { Slot = slot };
    }

    /// <summary>The handle kept for the fact, null if the fact is kept bare or absent.</summary>
    public FactHandle? Stored(object fact)
    {
        var slot = _index.Find(fact, _order);
        return slot < 0 ? null : _order[slot] as FactHandle;
    }

    public void EnsureCapacity(int additional)
    {
        if (_end + additional > _order.Length)
        {
            Array.Resize(ref _order, _end + additional);
        }
        _index.EnsureCapacity(_index.Count + additional, _order, _end);
    }

    /// <summary>Adds the handle at the end of the order unless its object is already present.</summary>
    public bool TryAdd(FactHandle handle)
    {
        if (_end == _order.Length)
        {
            MakeRoom();
        }
        if (!_index.TryAdd(handle.Value, _end, _order, _end))
        {
            return false;
        }
        handle.Slot = _end;
        _order[_end++] = handle;
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
            _order[handle.Slot] = handle.Detached(inRightMemory) ? handle.Value : handle;
        }
    }

    public void Remove(FactHandle handle)
    {
        _index.Remove(handle.Value, _order);
        _order[handle.Slot] = null;
        handle.Slot = -1;
        if (_end - _index.Count > Math.Max(_index.Count, 1024))
        {
            Compact();
        }
    }

    /// <summary>Gives a handle a new object (a linked fact re-derived as a new record) keeping its place.</summary>
    public void Replace(FactHandle handle, object value)
    {
        // The entry is found through the slot's handle: remove under the old object, add under the new one.
        _index.Remove(handle.Value, _order);
        handle.Value = value;
        _index.TryAdd(value, handle.Slot, _order, _end);
    }

    public List<T> OfType<T>()
    {
        var result = new List<T>();
        for (var i = 0; i < _end; i++)
        {
            var entry = _order[i];
            if ((entry is FactHandle handle ? handle.Value : entry) is T t)
            {
                result.Add(t);
            }
        }
        return result;
    }

    private void MakeRoom()
    {
        if (_end - _index.Count > _end / 2)
        {
            Compact();
        }
        else
        {
            Array.Resize(ref _order, Math.Max(16, _order.Length * 2));
        }
    }

    /// <summary>Squeezes out the holes left by removed facts; slots are renumbered in order, so comparisons between them still hold.</summary>
    private void Compact()
    {
        var next = 0;
        for (var i = 0; i < _end; i++)
        {
            var entry = _order[i];
            if (entry is null)
            {
                continue;
            }
            if (entry is FactHandle handle)
            {
                handle.Slot = next;
            }
            _order[next++] = entry;
        }
        Array.Clear(_order, next, _end - next);
        _end = next;
        _index.Renumbered(_order, _end);
    }
}
