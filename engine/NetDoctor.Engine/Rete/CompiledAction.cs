using NRules.RuleModel;

namespace NetDoctor.Engine.Rete;

/// <summary>An action of a rule compiled over the activation's token, with the firings it runs on (NRules' <see cref="ActionTrigger"/>).</summary>
internal sealed record CompiledAction(Action<IContext, Token> Run, ActionTrigger Trigger)
{
    /// <summary>Whether this action runs on a first firing (<paramref name="refiring"/> false) or a re-firing after an update.</summary>
    public bool RunsOn(bool refiring) => (Trigger & (refiring ? ActionTrigger.Reactivated : ActionTrigger.Activated)) != 0;
}
