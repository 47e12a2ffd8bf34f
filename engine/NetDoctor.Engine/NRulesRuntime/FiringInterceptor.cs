using NRules.Extensibility;
using NRules.RuleModel;

namespace NetDoctor.Engine.NRulesRuntime;

/// <summary>
/// Runs a firing rule's actions on behalf of NRules, for two reasons: an action that throws fails its rule (fault
/// isolation, as on the indexed runtime: recorded, the rule disabled, firing goes on) instead of stopping NRules, and the
/// facts the actions linked are propagated before NRules reports the rule fired, as the indexed runtime does (NRules
/// would propagate them only after its "fired" event). Cancelling the run is not a rule's failure and goes through.
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
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            session.ActionFailed(context, ex);
        }
        session.PropagateLinked();
        session.DisableFailedRules();
    }
}
