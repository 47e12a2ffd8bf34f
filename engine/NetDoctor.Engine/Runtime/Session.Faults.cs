namespace NetDoctor.Engine.Runtime;

/// <summary>
/// Fault isolation. A rule whose condition or action throws is recorded (<see cref="RuleFailure"/>) and disabled: from
/// then on its conditions are not evaluated and its nodes take no new facts. At the end of the batch it is torn down by
/// retracting its root token — the ordinary truth-maintenance path: its activations are deleted, and those that fired
/// give up their linked facts, which cascades to what other rules derived from them. Every other rule keeps running.
/// </summary>
internal sealed partial class Session
{
    private readonly List<RuleFailure> failures = [];
    private readonly Queue<int> teardowns = new();
    private bool[] disabled = [];
    private int disabledCount;

    public IReadOnlyList<RuleFailure> RuleFailures => failures;

    public bool IsDisabled(int rule) => disabledCount > 0 && disabled[rule];

    /// <summary>Whether every one of <paramref name="rules"/> has failed (a shared alpha test then need not run).</summary>
    public bool AllDisabled(IReadOnlyList<int> rules)
    {
        if (disabledCount == 0)
        {
            return false;
        }
        for (var i = 0; i < rules.Count; i++)
        {
            if (!disabled[rules[i]])
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
        if (disabled.Length == 0)
        {
            disabled = new bool[network.Terminals.Count];
        }
        if (disabled[rule])
        {
            return;
        }
        disabled[rule] = true;
        disabledCount++;
        var failure = new RuleFailure(network.Terminals[rule].Rule, stage, facts, cause);
        failures.Add(failure);
        teardowns.Enqueue(rule);
        events.Failed(this, failure.ToException());
    }

    /// <summary>Retracts the root token of each newly failed rule: every token of its chain goes, and with them its matches.</summary>
    private void TearDownFailedRules()
    {
        while (teardowns.TryDequeue(out var rule))
        {
            var first = network.FirstNodeOf(rule);
            first.LeftRetract(this, roots[first.Id]!);
        }
    }
}
