using NetDoctor.Engine.Rete;

namespace NetDoctor.Engine.Runtime;

/// <summary>The facts of a session by reference identity, in insertion order.</summary>
internal sealed class WorkingMemory
{
    private readonly Dictionary<object, FactHandle> handles = new(ReferenceEqualityComparer.Instance);
    private FactHandle? first;
    private FactHandle? last;
    private long sequence;

    public int Count => handles.Count;

    public FactHandle? Find(object fact) => handles.GetValueOrDefault(fact);

    public bool Contains(object fact) => handles.ContainsKey(fact);

    public void EnsureCapacity(int additional) => handles.EnsureCapacity(handles.Count + additional);

    /// <summary>Adds the handle unless its object is already present.</summary>
    public bool TryAdd(FactHandle handle)
    {
        if (!handles.TryAdd(handle.Value, handle))
        {
            return false;
        }
        handle.InWorkingMemory = true;
        handle.Sequence = ++sequence;
        handle.PrevInMemory = last;
        handle.NextInMemory = null;
        if (last is null)
        {
            first = handle;
        }
        else
        {
            last.NextInMemory = handle;
        }
        last = handle;
        return true;
    }

    public void Remove(FactHandle handle)
    {
        handles.Remove(handle.Value);
        handle.InWorkingMemory = false;
        if (handle.PrevInMemory is null)
        {
            first = handle.NextInMemory;
        }
        else
        {
            handle.PrevInMemory.NextInMemory = handle.NextInMemory;
        }
        if (handle.NextInMemory is null)
        {
            last = handle.PrevInMemory;
        }
        else
        {
            handle.NextInMemory.PrevInMemory = handle.PrevInMemory;
        }
        handle.PrevInMemory = handle.NextInMemory = null;
    }

    /// <summary>Gives a handle a new object (a linked fact re-derived as a new record) keeping its place.</summary>
    public void Replace(FactHandle handle, object value)
    {
        handles.Remove(handle.Value);
        handle.Value = value;
        handles.Add(value, handle);
    }

    public List<T> OfType<T>()
    {
        var result = new List<T>();
        for (var h = first; h is not null; h = h.NextInMemory)
        {
            if (h.Value is T t)
            {
                result.Add(t);
            }
        }
        return result;
    }
}
