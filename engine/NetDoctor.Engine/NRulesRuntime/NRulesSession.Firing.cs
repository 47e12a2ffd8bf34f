using NetDoctor.Engine.Runtime;

namespace NetDoctor.Engine.NRulesRuntime;

/// <summary>
/// Firing with the indexed runtime's contract: a budget whose overrun is a <see cref="RunawayRulesException"/> naming the
/// rules still cycling, cancellation that throws, and errors reported through <see cref="IEngineEvents.Error"/>.
/// NRules' own Fire(max) just stops at the maximum and returns quietly when cancelled.
/// </summary>
internal sealed partial class NRulesSession
{
    private RecentFirings _recent = new(0);
    private bool _firing;

    public int Fire(int? maxFirings = null, CancellationToken cancellationToken = default)
    {
        if (_firing)
        {
            throw new InvalidOperationException("Fire cannot be called from a rule action.");
        }
        var budget = maxFirings ?? RuleCompiler.DefaultFiringBudget;
        ArgumentOutOfRangeException.ThrowIfNegative(budget, nameof(maxFirings));
        cancellationToken.ThrowIfCancellationRequested();
        _recent = new RecentFirings(budget);
        int fired;
        _firing = true;
        try
        {
            fired = _inner.Fire(budget, cancellationToken);
            DisableFailedRules();
        }
        catch (Exception ex)
        {
            var error = Translate(ex);
            if (error is null)
            {
                throw;
            }
            _events.Failed(this, error);
            if (ReferenceEquals(error, ex))
            {
                throw;
            }
            throw error;
        }
        finally
        {
            _firing = false;
            _firingMatch = null;
            _firingDerivation = null;
        }
        cancellationToken.ThrowIfCancellationRequested();
        // NRules stops early only when an action halts. Stopping at the budget with work left is a runaway, except after
        // a halt by the budget's last firing, which NRules does not let us tell apart (the indexed runtime returns then).
        if (fired >= budget && !_inner.Agenda.IsEmpty)
        {
            var error = _recent.Runaway(budget, _rules.Original(_inner.Agenda.Peek().Rule).Name);
            _events.Failed(this, error);
            throw error;
        }
        return fired;
    }

    internal void PropagateLinked() => _inner.PropagateLinked();
}
