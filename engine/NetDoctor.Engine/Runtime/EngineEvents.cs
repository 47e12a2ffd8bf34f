using NRules.RuleModel;

namespace NetDoctor.Engine.Runtime;

/// <summary>The session's event hub; raising is a null check when nobody listens.</summary>
internal sealed class EngineEvents : IEngineEvents
{
    public event EventHandler<FactEventArgs>? FactInserted;
    public event EventHandler<FactEventArgs>? FactUpdated;
    public event EventHandler<FactEventArgs>? FactRetracted;
    public event EventHandler<ActivationEventArgs>? ActivationCreated;
    public event EventHandler<ActivationEventArgs>? ActivationDeleted;
    public event EventHandler<ActivationEventArgs>? RuleFiring;
    public event EventHandler<ActivationEventArgs>? RuleFired;
    public event EventHandler<EngineErrorEventArgs>? Error;

    public bool WatchesActivations => ActivationCreated is not null || ActivationDeleted is not null;

    public void Inserted(object sender, object fact, Derivation? derivation) => FactInserted?.Invoke(sender, new FactEventArgs(fact, derivation));

    public void Updated(object sender, object fact, Derivation? derivation) => FactUpdated?.Invoke(sender, new FactEventArgs(fact, derivation));

    public void Retracted(object sender, object fact, Derivation? derivation) => FactRetracted?.Invoke(sender, new FactEventArgs(fact, derivation));

    public void Created(object sender, Activation a) => ActivationCreated?.Invoke(sender, Args(a));

    public void Deleted(object sender, Activation a) => ActivationDeleted?.Invoke(sender, Args(a));

    public void Firing(object sender, Activation a) => RuleFiring?.Invoke(sender, Args(a));

    public void Fired(object sender, Activation a) => RuleFired?.Invoke(sender, Args(a));

    public void Failed(object sender, RuleEngineException e) => Error?.Invoke(sender, new EngineErrorEventArgs(e));

    // The NRules runtime raises the same events from its matches; the rule is the definition the caller compiled.
    public void Created(object sender, IRuleDefinition rule, IMatch match) => ActivationCreated?.Invoke(sender, Args(rule, match));

    public void Deleted(object sender, IRuleDefinition rule, IMatch match) => ActivationDeleted?.Invoke(sender, Args(rule, match));

    public void Firing(object sender, IRuleDefinition rule, IMatch match) => RuleFiring?.Invoke(sender, Args(rule, match));

    public void Fired(object sender, IRuleDefinition rule, IMatch match) => RuleFired?.Invoke(sender, Args(rule, match));

    public bool WatchesFirings => RuleFiring is not null || RuleFired is not null;

    private static ActivationEventArgs Args(Activation a) => new(a.Terminal.Rule, a.BindFacts());

    private static ActivationEventArgs Args(IRuleDefinition rule, IMatch match) => new(rule, BoundFact.Of(match));
}
