using NRules.Extensibility;
using NRules.RuleModel;

namespace NetDoctor.Engine.NRulesRuntime;

/// <summary>
/// Runs a firing rule's actions on behalf of NRules, for two reasons: an action's exception becomes our
/// <see cref="RuleActionException"/> with the rule and its facts (NRules leaves exceptions of intercepted actions alone),
/// and the facts the actions linked are propagated before NRules reports the rule fired, as the indexed runtime does
/// (NRules would propagate them only after its "fired" event).
/// </summary>
internal sealed class FiringInterceptor(NRulesSession session) : IActionInterceptor
{
    public void Intercept(IContext context, IReadOnlyCollection<IActionInvocation> actions)
    {
        try
        {
            foreach (var action in actions)
            {
                action.Invoke();
            }
        }
        catch (Exception ex)
        {
            throw session.ActionFailed(context, ex);
        }
        session.PropagateLinked();
    }
}
