using System.Linq.Expressions;
using NRules.Diagnostics;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace NetDoctor.Engine.NRulesRuntime;

/// <summary>
/// NRules' errors become ours: <see cref="RuleConditionException"/> / <see cref="RuleActionException"/> naming the rule and
/// the facts. NRules' condition exception names neither, so the failure event (which carries the expression, its
/// arguments and the rules sharing the node) is remembered until the exception arrives.
/// </summary>
internal sealed partial class NRulesSession
{
    private (string RuleId, IReadOnlyList<BoundFact> Facts)? lastConditionFailure;
    private (string RuleId, IReadOnlyList<BoundFact> Facts)? lastAgendaFailure;

    /// <summary>Runs a working-memory change through NRules, translating the errors of conditions it evaluates.</summary>
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
    }

    /// <summary>What an action's exception becomes (the interceptor runs the actions, so NRules does not wrap it).</summary>
    internal RuleEngineException ActionFailed(IContext context, Exception ex) =>
        Translate(ex) ?? new RuleActionException(rules.Original(context.Rule).Name, BoundFact.Of(context.Match), ex);

    /// <summary>Our exception for one of NRules', or null when the exception is not a rule's.</summary>
    internal RuleEngineException? Translate(Exception ex)
    {
        switch (ex)
        {
            case RuleEngineException ours:
                return ours;
            case NRules.RuleLhsExpressionEvaluationException lhs:
                var condition = lastConditionFailure;
                lastConditionFailure = null;
                return new RuleConditionException(condition?.RuleId ?? "(unknown rule)", condition?.Facts ?? [], lhs.InnerException ?? lhs);
            case NRules.AgendaExpressionEvaluationException agenda:
                var filter = lastAgendaFailure;
                lastAgendaFailure = null;
                return new RuleConditionException(agenda.RuleName, filter?.Facts ?? [], agenda.InnerException ?? agenda);
            case NRules.RuleRhsExpressionEvaluationException rhs:
                return new RuleActionException(rhs.RuleName, firingMatch is { } match ? BoundFact.Of(match) : [], rhs.InnerException ?? rhs);
            default:
                return null;
        }
    }

    private void OnConditionFailed(LhsExpressionErrorEventArgs e)
    {
        var rule = e.Rules.FirstOrDefault() is { } first ? rules.Original(first) : null;
        lastConditionFailure = (rule?.Name ?? "(unknown rule)", ConditionFacts(rule, e));
    }

    private void OnAgendaFailed(AgendaExpressionErrorEventArgs e) =>
        lastAgendaFailure = (rules.Original(e.Rule).Name, BoundFact.Of(e.Match));

    /// <summary>
    /// The failed lambda's parameters are named after the rule's declarations and its arguments are their facts; they
    /// are listed in the rule's declaration order, as the indexed runtime lists a match.
    /// </summary>
    private static List<BoundFact> ConditionFacts(IRuleDefinition? rule, LhsExpressionErrorEventArgs e)
    {
        var values = e.Arguments.ToArray();
        if (e.Expression is not LambdaExpression lambda || lambda.Parameters.Count != values.Length)
        {
            return [.. e.Facts.Select((f, i) => new BoundFact(Element.Declaration(f.Type, $"fact{i + 1}"), f.Value!))];
        }
        var declarations = rule?.LeftHandSide.Exports.ToList() ?? [];
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
