using System.Linq.Expressions;
using NRules.Diagnostics;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace NetDoctor.Engine.NRulesRuntime;

/// <summary>
/// Fault isolation on NRules, with the indexed runtime's contract. NRules reports a condition (or agenda filter) that
/// throws through a failure event; the adapter marks it handled — NRules then treats the condition as false — records a
/// <see cref="RuleFailure"/> for every rule sharing the failed node, and, once NRules has finished the change under way,
/// disables each rule by inserting its <see cref="DisabledRule"/> marker. Actions run inside <see cref="FiringInterceptor"/>,
/// which does the same for an action that throws.
/// </summary>
internal sealed partial class NRulesSession
{
    private readonly List<RuleFailure> _failures = [];
    private readonly HashSet<string> _disabled = new(StringComparer.Ordinal);
    private readonly Queue<string> _toDisable = new();
    private bool _firingFailed;

    public IReadOnlyList<RuleFailure> RuleFailures => _failures;

    /// <summary>Runs a working-memory change through NRules, then disables the rules that failed during it.</summary>
    private void Propagate(Action change)
    {
        try
        {
            change();
        }
        catch (Exception ex)
        {
            var error = Translate(ex);
            if (error is null || ReferenceEquals(error, ex))
            {
                throw;
            }
            throw error;
        }
        DisableFailedRules();
    }

    /// <summary>
    /// Inserts the markers of rules that failed since the last call. NRules retracts their matches and linked facts;
    /// that can make other rules fail in turn, whose markers follow.
    /// </summary>
    internal void DisableFailedRules()
    {
        while (_toDisable.TryDequeue(out var rule))
        {
            _inner.Insert(new DisabledRule(rule));
        }
    }

    /// <summary>An action of the firing rule threw: the rule fails on its match (the interceptor then disables it).</summary>
    internal void ActionFailed(IContext context, Exception ex)
    {
        _firingFailed = true;
        Fail(_rules.Original(context.Rule), RuleFailureStage.Action, BoundFact.Of(context.Match), ex);
    }

    /// <summary>Our exception for one of NRules', or null when the exception is not a rule's (failures are handled, so rare).</summary>
    internal RuleEngineException? Translate(Exception ex) => ex switch
    {
        RuleEngineException ours => ours,
        NRules.RuleLhsExpressionEvaluationException lhs => new RuleConditionException("(unknown rule)", [], lhs.InnerException ?? lhs),
        NRules.AgendaExpressionEvaluationException agenda => new RuleConditionException(agenda.RuleName, [], agenda.InnerException ?? agenda),
        NRules.RuleRhsExpressionEvaluationException rhs => new RuleActionException(rhs.RuleName, [], rhs.InnerException ?? rhs),
        _ => null,
    };

    private void Fail(IRuleDefinition rule, RuleFailureStage stage, IReadOnlyList<BoundFact> facts, Exception cause)
    {
        if (!_disabled.Add(rule.Name))
        {
            return;
        }
        var failure = new RuleFailure(rule, stage, facts, cause);
        _failures.Add(failure);
        _toDisable.Enqueue(rule.Name);
        _events.Failed(this, failure.ToException());
    }

    /// <summary>A node's condition threw: each rule sharing the node fails on the condition's facts.</summary>
    private void OnConditionFailed(LhsExpressionErrorEventArgs e)
    {
        e.IsHandled = true;
        foreach (var compiled in e.Rules)
        {
            var rule = _rules.Original(compiled);
            if (!_disabled.Contains(rule.Name))
            {
                Fail(rule, RuleFailureStage.Condition, ConditionFacts(rule, e), e.Exception ?? new InvalidOperationException("condition failed"));
            }
        }
    }

    private void OnAgendaFailed(AgendaExpressionErrorEventArgs e)
    {
        e.IsHandled = true;
        Fail(_rules.Original(e.Match.Rule), RuleFailureStage.Condition, BoundFact.Of(e.Match), e.Exception ?? new InvalidOperationException("agenda filter failed"));
    }

    /// <summary>
    /// The failed lambda's parameters are named after the rule's declarations and its arguments are their facts; they
    /// are listed in the rule's declaration order, as the indexed runtime lists a match.
    /// </summary>
    private static List<BoundFact> ConditionFacts(IRuleDefinition rule, LhsExpressionErrorEventArgs e)
    {
        var values = e.Arguments.ToArray();
        if (e.Expression is not LambdaExpression lambda || lambda.Parameters.Count != values.Length)
        {
            return [.. e.Facts.Select((f, i) => new BoundFact(Element.Declaration(f.Type, $"fact{i + 1}"), f.Value!))];
        }
        var declarations = rule.LeftHandSide.Exports.ToList();
        var facts = new List<(int Order, BoundFact Fact)>();
        for (var i = 0; i < values.Length; i++)
        {
            var p = lambda.Parameters[i];
            var index = declarations.FindIndex(d => d.Name == p.Name);
            var declaration = index >= 0 ? declarations[index] : Element.Declaration(p.Type, p.Name ?? $"arg{i + 1}");
            facts.Add((index >= 0 ? index : int.MaxValue, new BoundFact(declaration, values[i]!)));
        }
        return [.. facts.OrderBy(f => f.Order).Select(f => f.Fact)];
    }
}
