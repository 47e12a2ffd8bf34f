using NRules.RuleModel;

namespace NetDoctor.Engine;

/// <summary>Trace hooks of a session (explanation, profiling, logging). Handlers run synchronously on the session's thread.</summary>
public interface IEngineEvents
{
    event EventHandler<FactEventArgs>? FactInserted;

    event EventHandler<FactEventArgs>? FactUpdated;

    event EventHandler<FactEventArgs>? FactRetracted;

    event EventHandler<ActivationEventArgs>? ActivationCreated;

    event EventHandler<ActivationEventArgs>? ActivationDeleted;

    event EventHandler<ActivationEventArgs>? RuleFiring;

    event EventHandler<ActivationEventArgs>? RuleFired;

    event EventHandler<EngineErrorEventArgs>? Error;
}

/// <param name="derivation">Set for facts inserted by a rule action.</param>
public sealed class FactEventArgs(object fact, Derivation? derivation) : EventArgs
{
    public object Fact { get; } = fact;

    public Derivation? Derivation { get; } = derivation;
}

public sealed class ActivationEventArgs(IRuleDefinition rule, IReadOnlyList<BoundFact> facts) : EventArgs
{
    public IRuleDefinition Rule { get; } = rule;

    public IReadOnlyList<BoundFact> Facts { get; } = facts;
}

public sealed class EngineErrorEventArgs(RuleEngineException exception) : EventArgs
{
    public RuleEngineException Exception { get; } = exception;
}
