using NetDoctor.Engine.Rete;

namespace NetDoctor.Engine.Runtime;

/// <summary>
/// The facts updated (and aggregate results rebuilt because an element was updated) in the current propagation batch,
/// so a re-found match or an aggregate knows whether what it holds changed. A set tagged with its batch number instead
/// of a batch number in every fact handle: updates are few, handles are many. The session empties it at the end of
/// each batch so it holds no retracted facts; the tag keeps a batch that ended in an exception from leaking into the next.
/// </summary>
internal sealed class BatchUpdates
{
    private readonly HashSet<FactHandle> _handles = [];
    private long _batch = -1;

    public void Add(FactHandle handle, long currentBatch)
    {
        if (_batch != currentBatch)
        {
            Clear();
            _batch = currentBatch;
        }
        _handles.Add(handle);
    }

    public bool Contains(FactHandle handle, long currentBatch) => _batch == currentBatch && _handles.Count > 0 && _handles.Contains(handle);

    public void Clear()
    {
        if (_handles.Count == 0)
        {
            return;
        }
        var large = _handles.Count > 256;
        _handles.Clear();
        if (large)
        {
            // One batch that updated many facts must not leave a large empty table behind for the session's lifetime.
            _handles.TrimExcess();
        }
    }
}
