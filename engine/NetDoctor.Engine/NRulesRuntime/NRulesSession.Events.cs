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
    private readonly Dictionary<string, int> _firingCounts = new(StringComparer.Ordinal);

    /// <summary>The match whose actions are running: the derivation of facts an action inserts without linking them.</summary>
    private IMatch? _firingMatch;
    private Derivation? _firingDerivation;

    public IReadOnlyDictionary<string, int> FiringCounts => new Dictionary<string, int>(_firingCounts);

    private void Subscribe(IEventProvider source)
    {
        source.FactInsertingEvent += (_, e) => OnInserting(e.Fact);
        source.FactUpdatingEvent += (_, e) => OnUpdating(e.Fact);
        source.FactRetractingEvent += (_, e) => OnRetracting(e.Fact);
        source.ActivationCreatedEvent += (_, e) => _events.Created(this, _rules.Original(e.Rule), e.Match);
        source.ActivationDeletedEvent += (_, e) => _events.Deleted(this, _rules.Original(e.Rule), e.Match);
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
            : _firingMatch is { } match ? _firingDerivation ??= _rules.Derivation(match)
            : null;
        var entry = _ledger.Add(fact, derivation);
        _events.Inserted(this, entry.Value, derivation);
    }

    private void OnUpdating(IFact fact)
    {
        if (_ledger.Refresh(fact) is not { } entry)
        {
            return;
        }
        // A linked fact updated by its match (Yield on a re-firing) is derived anew from the match as it is now.
        if (fact.Source is NRules.ILinkedFactSource linked)
        {
            entry.Derivation = Derive(linked);
        }
        _events.Updated(this, entry.Value, entry.Derivation);
    }

    private void OnRetracting(IFact fact)
    {
        // NRules clears a linked fact's source before retracting it; the ledger still knows where it came from.
        if (_ledger.Remove(fact) is { } entry)
        {
            _events.Retracted(this, entry.Value, entry.Derivation);
        }
    }

    private void OnFiring(IMatch match)
    {
        var rule = _rules.Original(match.Rule);
        _firingMatch = match;
        _firingDerivation = null;
        _firingFailed = false;
        _firingCounts[rule.Name] = _firingCounts.GetValueOrDefault(rule.Name) + 1;
        _recent.Add(rule.Name);
        _events.Firing(this, rule, match);
    }

    private void OnFired(IMatch match)
    {
        _firingMatch = null;
        _firingDerivation = null;
        // NRules reports a firing whose action failed as fired; the indexed runtime does not, and neither do we.
        if (_firingFailed)
        {
            _firingFailed = false;
            return;
        }
        _events.Fired(this, _rules.Original(match.Rule), match);
    }

    /// <summary>The source's facts are read now: they are the activation's live tuple, which later changes would rewrite.</summary>
    private Derivation Derive(NRules.ILinkedFactSource source) =>
        new(_rules.Original(source.Rule), [.. source.Facts.OfType<IFactMatch>().Select(f => new BoundFact(f.Declaration, f.Value!))]);
}
