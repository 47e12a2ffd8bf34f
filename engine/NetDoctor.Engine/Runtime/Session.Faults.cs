namespace NetDoctor.Engine.Runtime;

/// <summary>
/// Fault isolation. A rule whose condition or action throws is recorded (<see cref="RuleFailure"/>) and disabled: from
/// then on its conditions are not evaluated and its nodes take no new facts. At the end of the batch it is torn down by
/// retracting its root token — the ordinary truth-maintenance path: its activations are deleted, and those that fired
/// give up their linked facts, which cascades to what other rules derived from them. Every other rule keeps running.
/// </summary>
internal sealed partial class Session
{
    private readonly List<RuleFailure> _failures = [];
    private readonly Queue<int> _teardowns = new();
    private bool[] _disabled = [];
    private int _disabledCount;

    public IReadOnlyList<RuleFailure> RuleFailures => _failures;

    public bool IsDisabled(int rule) => _disabledCount > 0 && _disabled[rule];

    /// <summary>Whether every one of <paramref name="rules"/> has failed (a shared alpha test then need not run).</summary>
    public bool AllDisabled(IReadOnlyList<int> rules)
    {
        if (_disabledCount == 0)
        {
            return false;
        }
        for (var i = 0; i < rules.Count; i++)
        {
            if (!_disabled[rules[i]])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A condition of <paramref name="rule"/> threw on <paramref name="facts"/>.</summary>
    public void Fail(int rule, IReadOnlyList<BoundFact> facts, Exception cause) => Fail(rule, RuleFailureStage.Condition, facts, cause);

    /// <summary>A condition shared by several rules threw: each of them fails on the same facts.</summary>
    public void Fail(IReadOnlyList<int> rules, IReadOnlyList<BoundFact> facts, Exception cause)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            Fail(rules[i], RuleFailureStage.Condition, facts, cause);
        }
    }

    /// <summary>Records the first failure of a rule and disables it; later failures of the same rule are not recorded.</summary>
    public void Fail(int rule, RuleFailureStage stage, IReadOnlyList<BoundFact> facts, Exception cause)
    {
        if (_disabled.Length == 0)
        {
            _disabled = new bool[_network.Terminals.Count];
        }
        if (_disabled[rule])
        {
            return;
        }
        _disabled[rule] = true;
        _disabledCount++;
        var failure = new RuleFailure(_network.Terminals[rule].Rule, stage, facts, cause);
        _failures.Add(failure);
        _teardowns.Enqueue(rule);
        _events.Failed(this, failure.ToException());
    }

    /// <summary>Retracts the root token of each newly failed rule: every token of its chain goes, and with them its matches.</summary>
    private void TearDownFailedRules()
    {
        while (_teardowns.TryDequeue(out var rule))
        {
            var first = _network.FirstNodeOf(rule);
            first.LeftRetract(this, _roots[first.Id]!);
        }
    }
}
