using NetDoctor.Engine.Rete;

namespace NetDoctor.Engine.Runtime;

/// <summary>
/// The firing loop: agenda order, the firing budget, halting, action failures and linked insertion. An action that
/// throws fails its rule (see Session.Faults): the batch is closed, which tears the rule down, and firing goes on.
/// </summary>
internal sealed partial class Session
{
    private bool _firing;
    private bool _halted;

    public int Fire(int? maxFirings = null, CancellationToken cancellationToken = default)
    {
        if (_firing)
        {
            throw new InvalidOperationException("Fire cannot be called from a rule action.");
        }
        var budget = maxFirings ?? RuleCompiler.DefaultFiringBudget;
        ArgumentOutOfRangeException.ThrowIfNegative(budget, nameof(maxFirings));
        var recent = new RecentFirings(budget);
        var fired = 0;
        _halted = false;
        while (!_halted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = _agenda.Peek();
            if (next is null)
            {
                break;
            }
            if (fired >= budget)
            {
                var error = recent.Runaway(budget, next.Terminal.RuleId);
                _events.Failed(this, error);
                throw error;
            }
            _agenda.Remove(next);
            if (IsDisabled(next.Terminal.RuleIndex))
            {
                continue;
            }
            FireOne(next, cancellationToken);
            recent.Add(next.Terminal.RuleId);
            fired++;
        }
        return fired;
    }

    public void Halt() => _halted = true;

    private void FireOne(Activation activation, CancellationToken cancellationToken)
    {
        _firing = true;
        _batch++;
        var refiring = activation.HasFired;
        activation.HasFired = true;
        activation.Refiring = refiring;
        _context.Enter(activation, cancellationToken);
        _firings[activation.Terminal.RuleIndex]++;
        _events.Firing(this, activation);
        try
        {
            var actions = activation.Terminal.Actions;
            for (var i = 0; i < actions.Length; i++)
            {
                if (actions[i].RunsOn(refiring))
                {
                    actions[i].Run(_context, activation.Token);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelling the run is not a failure of the rule that noticed it.
            _firing = false;
            Flush();
            throw;
        }
        catch (Exception ex)
        {
            Fail(activation.Terminal.RuleIndex, RuleFailureStage.Action, activation.BindFacts(), ex);
            _firing = false;
            Flush();
            return;
        }
        _firing = false;
        Flush();
        _events.Fired(this, activation);
    }

    public void InsertFromAction(object fact, Activation producer)
    {
        ArgumentNullException.ThrowIfNull(fact);
        BeginBatch();
        InsertHandle(fact, producer, linked: false);
        EndBatch();
    }

    /// <summary>A fact tied to <paramref name="producer"/> under <paramref name="key"/>: it is retracted when the match goes (truth maintenance).</summary>
    public void InsertLinked(Activation producer, object key, object fact)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fact);
        if (producer.Linked?.GetValueOrDefault(key) is { InWorkingMemory: true })
        {
            throw new ArgumentException($"Linked fact already exists. Key={key}");
        }
        BeginBatch();
        var handle = (DerivedFactHandle)InsertHandle(fact, producer, linked: true);
        (producer.Linked ??= [])[key] = handle;
        EndBatch();
    }

    /// <summary>
    /// Replaces the fact linked under <paramref name="key"/> (NRules.Fluent's <c>Yield</c> builds a new object on every
    /// re-firing) and re-evaluates it, keeping its place in working memory and its dependants' matches.
    /// </summary>
    public void UpdateLinked(Activation producer, object key, object fact)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fact);
        if (producer.Linked?.GetValueOrDefault(key) is not { InWorkingMemory: true } previous)
        {
            throw new ArgumentException($"Linked fact does not exist. Key={key}");
        }
        if (!ReferenceEquals(previous.Value, fact))
        {
            if (_memory.Contains(fact))
            {
                throw new InvalidOperationException($"The fact is already in working memory: {FactText.Describe(fact)}");
            }
            _memory.Replace(previous, fact);
        }
        previous.Origin = producer.Derivation();
        BeginBatch();
        UpdateHandle(previous);
        EndBatch();
    }

    public void RetractLinked(Activation producer, object key, object fact)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (producer.Linked?.GetValueOrDefault(key) is not { InWorkingMemory: true } handle || !ReferenceEquals(handle.Value, fact))
        {
            throw new ArgumentException($"Linked fact does not exist. Key={key}");
        }
        producer.Linked.Remove(key);
        BeginBatch();
        RetractHandle(handle);
        EndBatch();
    }
}
