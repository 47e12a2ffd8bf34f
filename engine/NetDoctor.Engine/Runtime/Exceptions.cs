namespace NetDoctor.Engine;

/// <summary>Base of every error the engine raises about rules (compilation, conditions, actions, runaway firing).</summary>
public abstract class RuleEngineException : Exception
{
    protected RuleEngineException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}

/// <summary>A rule definition cannot be compiled (unknown declaration, type mismatch, unsupported element).</summary>
public sealed class RuleCompilationException(string ruleId, string message, Exception? inner = null)
    : RuleEngineException($"Rule '{ruleId}': {message}", inner)
{
    public string RuleId { get; } = ruleId;
}

/// <summary>A condition threw while facts were being matched. Names the rule(s) owning the condition and the facts it saw.</summary>
public sealed class RuleConditionException(string ruleId, IReadOnlyList<BoundFact> facts, Exception inner)
    : RuleEngineException($"Condition of rule '{ruleId}' failed on [{FactText.Describe(facts)}]: {inner.Message}", inner)
{
    public string RuleId { get; } = ruleId;

    public IReadOnlyList<BoundFact> Facts { get; } = facts;
}

/// <summary>An action threw while a rule fired. Names the rule and the facts of the activation.</summary>
public sealed class RuleActionException(string ruleId, IReadOnlyList<BoundFact> facts, Exception inner)
    : RuleEngineException($"Action of rule '{ruleId}' failed on [{FactText.Describe(facts)}]: {inner.Message}", inner)
{
    public string RuleId { get; } = ruleId;

    public IReadOnlyList<BoundFact> Facts { get; } = facts;
}

/// <summary>
/// More rules fired in one <c>Fire</c> than its budget allows: almost always rules re-activating each other.
/// <see cref="RuleIds"/> are the rules that kept firing at the end of the budget, most frequent first.
/// </summary>
public sealed class RunawayRulesException(IReadOnlyList<string> ruleIds, int budget, string detail)
    : RuleEngineException($"More than {budget} rule firings in one Fire(); rules still cycling: {detail}")
{
    public IReadOnlyList<string> RuleIds { get; } = ruleIds;

    public int Budget { get; } = budget;
}
