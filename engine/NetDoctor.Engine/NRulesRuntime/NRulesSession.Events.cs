using NRules.Diagnostics;
using NRules.RuleModel;

namespace NetDoctor.Engine.NRulesRuntime;

/// <summary>
/// NRules' session events drive the ledger (facts, order, derivations), the firing counters and our
/// <see cref="IEngineEvents"/>. Fact events are taken before NRules propagates the change ("inserting", not
/// "inserted"), which is when the indexed runtime raises them: a fact's event comes before the activations it causes.
/// </summary>
internal sealed partial class NRulesSession
{
    private readonly Dictionary<string, int> firingCounts = new(StringComparer.Ordinal);

    /// <summary>The match whose actions are running: the derivation of facts an action inserts without linking them.</summary>
    private IMatch? firingMatch;
    private Derivation? firingDerivation;

    public IReadOnlyDictionary<string, int> FiringCounts => new Dictionary<string, int>(firingCounts);

    private void Subscribe(IEventProvider source)
    {
        source.FactInsertingEvent += (_, e) => OnInserting(e.Fact);
        source.FactUpdatingEvent += (_, e) => OnUpdating(e.Fact);
        source.FactRetractingEvent += (_, e) => OnRetracting(e.Fact);
        source.ActivationCreatedEvent += (_, e) => events.Created(this, rules.Original(e.Rule), e.Match);
        source.ActivationDeletedEvent += (_, e) => events.Deleted(this, rules.Original(e.Rule), e.Match);
        source.RuleFiringEvent += (_, e) => OnFiring(e.Match);
        source.RuleFiredEvent += (_, e) => OnFired(e.Match);
        source.LhsExpressionFailedEvent += (_, e) => OnConditionFailed(e);
        source.AgendaExpressionFailedEvent += (_, e) => OnAgendaFailed(e);
    }

    private void OnInserting(IFact fact)
    {
        if (fact.Value is DisabledRule)
        {
            return;
        }
        var derivation = fact.Source is NRules.ILinkedFactSource linked ? Derive(linked)
            : firingMatch is { } match ? firingDerivation ??= rules.Derivation(match)
            : null;
        var entry = ledger.Add(fact, derivation);
        events.Inserted(this, entry.Value, derivation);
    }

    private void OnUpdating(IFact fact)
    {
        if (ledger.Refresh(fact) is not { } entry)
        {
            return;
        }
        // A linked fact updated by its match (Yield on a re-firing) is derived anew from the match as it is now.
        if (fact.Source is NRules.ILinkedFactSource linked)
        {
            entry.Derivation = Derive(linked);
        }
        events.Updated(this, entry.Value, entry.Derivation);
    }

    private void OnRetracting(IFact fact)
    {
        // NRules clears a linked fact's source before retracting it; the ledger still knows where it came from.
        if (ledger.Remove(fact) is { } entry)
        {
            events.Retracted(this, entry.Value, entry.Derivation);
        }
    }

    private void OnFiring(IMatch match)
    {
        var rule = rules.Original(match.Rule);
        firingMatch = match;
        firingDerivation = null;
        firingFailed = false;
        firingCounts[rule.Name] = firingCounts.GetValueOrDefault(rule.Name) + 1;
        recent.Add(rule.Name);
        events.Firing(this, rule, match);
    }

    private void OnFired(IMatch match)
    {
        firingMatch = null;
        firingDerivation = null;
        // NRules reports a firing whose action failed as fired; the indexed runtime does not, and neither do we.
        if (firingFailed)
        {
            firingFailed = false;
            return;
        }
        events.Fired(this, rules.Original(match.Rule), match);
    }

    /// <summary>The source's facts are read now: they are the activation's live tuple, which later changes would rewrite.</summary>
    private Derivation Derive(NRules.ILinkedFactSource source) =>
        new(rules.Original(source.Rule), [.. source.Facts.OfType<IFactMatch>().Select(f => new BoundFact(f.Declaration, f.Value!))]);
}
