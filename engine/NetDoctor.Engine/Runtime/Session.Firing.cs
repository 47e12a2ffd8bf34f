using NetDoctor.Engine.Rete;

namespace NetDoctor.Engine.Runtime;

/// <summary>The firing loop: agenda order, the firing budget, halting, action errors and linked insertion.</summary>
internal sealed partial class Session
{
    /// <summary>How many recent firings the runaway report looks at to name the rules still cycling.</summary>
    private const int RunawayWindow = 1000;

    private bool firing;
    private bool halted;

    public int Fire(int? maxFirings = null, CancellationToken cancellationToken = default)
    {
        if (firing)
        {
            throw new InvalidOperationException("Fire cannot be called from a rule action.");
        }
        var budget = maxFirings ?? RuleCompiler.DefaultFiringBudget;
        ArgumentOutOfRangeException.ThrowIfNegative(budget, nameof(maxFirings));
        var recent = new int[Math.Max(1, Math.Min(budget, RunawayWindow))];
        var fired = 0;
        halted = false;
        while (!halted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = agenda.Peek();
            if (next is null)
            {
                break;
            }
            if (fired >= budget)
            {
                throw Runaway(recent, fired, budget, next);
            }
            agenda.Remove(next);
            FireOne(next);
            recent[fired % recent.Length] = next.Terminal.RuleIndex;
            fired++;
        }
        return fired;
    }

    public void Halt() => halted = true;

    private void FireOne(Activation activation)
    {
        firing = true;
        batch++;
        activation.HasFired = true;
        activation.LinkedCursor = 0;
        context.Enter(activation);
        firings[activation.Terminal.RuleIndex]++;
        events.Firing(this, activation);
        try
        {
            var actions = activation.Terminal.Actions;
            for (var i = 0; i < actions.Length; i++)
            {
                actions[i](context, activation.Token);
            }
            RetractLinked(activation, activation.LinkedCursor);
        }
        catch (Exception ex)
        {
            firing = false;
            Flush();
            var error = ex as RuleEngineException ?? new RuleActionException(activation.Terminal.RuleId, activation.BindFacts(), ex);
            events.Failed(this, error);
            if (error == ex)
            {
                throw;
            }
            throw error;
        }
        firing = false;
        Flush();
        events.Fired(this, activation);
    }

    public void InsertFromAction(object fact, Activation producer, bool linked)
    {
        ArgumentNullException.ThrowIfNull(fact);
        BeginBatch();
        var handle = InsertHandle(fact, producer, linked);
        if (linked)
        {
            (producer.Linked ??= []).Add(handle);
        }
        EndBatch();
    }

    /// <summary>
    /// Slot n of a re-firing activation updates the fact it produced in slot n last time (replacing the object
    /// if it is a new one) instead of inserting a duplicate; a first firing simply inserts.
    /// </summary>
    public void InsertLinked(object fact, Activation producer)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var slot = producer.LinkedCursor++;
        var previous = producer.Linked is { } linked && slot < linked.Count ? linked[slot] : null;
        if (previous is null || !previous.InWorkingMemory)
        {
            if (previous is not null)
            {
                producer.Linked!.RemoveAt(slot);
            }
            BeginBatch();
            var handle = InsertHandle(fact, producer, linked: true);
            (producer.Linked ??= []).Insert(Math.Min(slot, producer.Linked.Count), handle);
            EndBatch();
            return;
        }
        if (!ReferenceEquals(previous.Value, fact))
        {
            if (memory.Contains(fact))
            {
                throw new InvalidOperationException($"The fact is already in working memory: {FactText.Describe(fact)}");
            }
            memory.Replace(previous, fact);
        }
        previous.Derivation = producer.Derivation();
        BeginBatch();
        UpdateHandle(previous);
        EndBatch();
    }

    private RunawayRulesException Runaway(int[] recent, int fired, int budget, Activation next)
    {
        var window = Math.Min(fired, recent.Length);
        var counts = new Dictionary<int, int>();
        for (var i = 0; i < window; i++)
        {
            counts[recent[i]] = counts.GetValueOrDefault(recent[i]) + 1;
        }
        if (counts.Count == 0)
        {
            counts[next.Terminal.RuleIndex] = 1;
        }
        var ranked = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).ToList();
        var ids = ranked.Select(kv => network.Terminals[kv.Key].RuleId).ToList();
        var detail = string.Join(", ", ranked.Select(kv => $"{network.Terminals[kv.Key].RuleId} ({kv.Value} of the last {window} firings)"));
        var error = new RunawayRulesException(ids, budget, detail);
        events.Failed(this, error);
        return error;
    }
}
