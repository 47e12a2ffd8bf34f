namespace NetDoctor.Engine.Runtime;

/// <summary>
/// Activations waiting to fire: highest priority first, then oldest first (a queue per priority) — NRules' order, so
/// both runtimes derive facts in the same order and a collect of derived facts lists them alike.
/// Removal is lazy: a queue entry is valid only while its activation is queued with the same sequence number.
/// </summary>
internal sealed class Agenda
{
    private readonly List<Lane> _lanes = [];
    private long _sequence;
    private int _live;
    private int _entries;

    public int Count => _live;

    public void Enqueue(Activation activation)
    {
        if (activation.Queued)
        {
            return;
        }
        activation.Queued = true;
        activation.QueueSequence = ++_sequence;
        LaneFor(activation.Terminal.Priority).Items.Enqueue((activation, activation.QueueSequence));
        _live++;
        _entries++;
    }

    public void Remove(Activation activation)
    {
        if (!activation.Queued)
        {
            return;
        }
        activation.Queued = false;
        _live--;
        if (_entries > 2 * _live + 1024)
        {
            Compact();
        }
    }

    public Activation? Peek()
    {
        foreach (var lane in _lanes)
        {
            var items = lane.Items;
            while (items.Count > 0)
            {
                var (activation, seq) = items.Peek();
                if (activation.Queued && activation.QueueSequence == seq)
                {
                    return activation;
                }
                items.Dequeue();
                _entries--;
            }
        }
        return null;
    }

    public Activation? Pop()
    {
        var next = Peek();
        if (next is not null)
        {
            Remove(next);
        }
        return next;
    }

    private Lane LaneFor(int priority)
    {
        for (var i = 0; i < _lanes.Count; i++)
        {
            if (_lanes[i].Priority == priority)
            {
                return _lanes[i];
            }
            if (_lanes[i].Priority < priority)
            {
                var inserted = new Lane(priority);
                _lanes.Insert(i, inserted);
                return inserted;
            }
        }
        var lane = new Lane(priority);
        _lanes.Add(lane);
        return lane;
    }

    private void Compact()
    {
        _entries = 0;
        foreach (var lane in _lanes)
        {
            var valid = lane.Items.Where(e => e.Activation.Queued && e.Activation.QueueSequence == e.Sequence).ToArray();
            lane.Items.Clear();
            foreach (var entry in valid)
            {
                lane.Items.Enqueue(entry);
            }
            _entries += lane.Items.Count;
        }
    }

    private sealed class Lane(int priority)
    {
        public readonly int Priority = priority;
        public readonly Queue<(Activation Activation, long Sequence)> Items = new();
    }
}
