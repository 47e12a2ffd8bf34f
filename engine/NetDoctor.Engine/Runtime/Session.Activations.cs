using NetDoctor.Engine.Rete;

namespace NetDoctor.Engine.Runtime;

/// <summary>
/// Activation lifecycle and truth maintenance. A vanished match that has fired is parked until the end of the
/// batch: if the same match reappears (an update rebuilt its token) the activation is kept — refiring only if
/// something in it changed — otherwise it is deleted and its linked facts are retracted, which can cascade.
/// </summary>
internal sealed partial class Session
{
    private readonly Dictionary<ActivationKey, Activation> _parked = [];

    public void OnMatch(TerminalNode terminal, Token token)
    {
        if (_parked.Count > 0 && _parked.Remove(ActivationKey.Of(terminal, token), out var known))
        {
            var previous = known.Token;
            known.Token = token;
            token.State = known;
            if (!known.Queued && terminal.Repeatable && ActivationKey.Changed(previous, token, this))
            {
                _agenda.Enqueue(known);
            }
            return;
        }
        var activation = new Activation(terminal, token);
        token.State = activation;
        _agenda.Enqueue(activation);
        if (_events.WatchesActivations)
        {
            _events.Created(this, activation);
        }
    }

    public void OnUnmatch(TerminalNode terminal, Token token)
    {
        var activation = (Activation)token.State!;
        token.State = null;
        if (!activation.HasFired)
        {
            Delete(activation);
            return;
        }
        _parked[ActivationKey.Of(terminal, token)] = activation;
    }

    /// <summary>
    /// Ends a batch: tears down rules that failed in it, rebuilds dirty aggregates and deletes parked activations until
    /// nothing changes, then forgets the batch's updates and, when enough facts have left the network, sweeps the right
    /// memories (no walk is under way).
    /// </summary>
    private void Flush()
    {
        while (_teardowns.Count > 0 || _dirtyGroups.Count > 0 || _parked.Count > 0)
        {
            TearDownFailedRules();
            while (_dirtyGroups.Count > 0)
            {
                var groups = _dirtyGroups.ToArray();
                _dirtyGroups.Clear();
                foreach (var group in groups)
                {
                    group.Dirty = false;
                    group.Node.Refresh(this, group);
                }
            }
            if (_parked.Count > 0)
            {
                var gone = _parked.Values.ToArray();
                _parked.Clear();
                foreach (var activation in gone)
                {
                    Delete(activation);
                    RetractAllLinked(activation);
                }
            }
        }
        _updates.Clear();
        SweepIfDue();
    }

    private void Delete(Activation activation)
    {
        _agenda.Remove(activation);
        activation.Deleted = true;
        if (_events.WatchesActivations)
        {
            _events.Deleted(this, activation);
        }
    }

    /// <summary>Truth maintenance: the facts an activation linked go with it.</summary>
    private void RetractAllLinked(Activation activation)
    {
        var linked = activation.Linked;
        if (linked is null || linked.Count == 0)
        {
            return;
        }
        var stale = linked.Values.ToArray();
        linked.Clear();
        foreach (var handle in stale)
        {
            if (handle.InWorkingMemory && ((DerivedFactHandle)handle).Producer == activation)
            {
                RetractHandle(handle);
            }
        }
    }
}
