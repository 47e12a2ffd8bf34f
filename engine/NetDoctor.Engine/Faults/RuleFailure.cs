using NRules.RuleModel;

namespace NetDoctor.Engine;

/// <summary>Where a rule failed: while its conditions were matched, or while its actions ran.</summary>
public enum RuleFailureStage
{
    Condition,
    Action,
}

/// <summary>
/// One rule that threw and was disabled for the rest of its session (fault isolation): its pending activations were
/// removed and what it had derived (linked facts, and what other rules derived from them) was retracted, while every
/// other rule kept running. A session records at most one failure per rule: the first.
/// </summary>
/// <param name="Rule">The failing rule (the definition the caller compiled).</param>
/// <param name="Facts">The facts the rule was evaluating: the condition's arguments, or the firing match.</param>
/// <param name="Cause">The exception the rule's expression or action threw.</param>
public sealed record RuleFailure(IRuleDefinition Rule, RuleFailureStage Stage, IReadOnlyList<BoundFact> Facts, Exception Cause)
{
    public string RuleId => Rule.Name;

    /// <summary>The pack of the rule (<see cref="RuleMetadata.Pack"/>), null when the id names none.</summary>
    public string? Pack => Rule.Pack();

    /// <summary>"rule 'x/y' failed on [decl: fact; …]: message" — the facts as the engine prints them, bounded.</summary>
    public string Message => $"rule '{RuleId}' failed {(Stage == RuleFailureStage.Condition ? "in a condition" : "in an action")} on [{FactText.Describe(Facts)}]: {Cause.Message}";

    /// <summary>The failure as the engine's exception type, for <see cref="IEngineEvents.Error"/> subscribers.</summary>
    public RuleEngineException ToException() => Stage == RuleFailureStage.Condition
        ? new RuleConditionException(RuleId, Facts, Cause)
        : new RuleActionException(RuleId, Facts, Cause);
}
