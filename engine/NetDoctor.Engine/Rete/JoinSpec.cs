using NRules.RuleModel;

namespace NetDoctor.Engine.Rete;

/// <summary>
/// The compiled conditions between a node's left tokens and right facts: optional hash keys built from the
/// equality conjuncts (left side over earlier declarations, right side over the new fact) and a residual test.
/// Evaluation wraps condition failures with the rule id and the facts involved.
/// </summary>
internal sealed class JoinSpec(
    string ruleId,
    Scope leftScope,
    Declaration right,
    Func<Token, object?>? leftKey,
    Func<object, object?>? rightKey,
    Func<Token, object, bool>? residual)
{
    public static JoinSpec Always(string ruleId, Scope scope, Declaration right) => new(ruleId, scope, right, null, null, null);

    public Declaration RightDeclaration => right;

    public bool Indexed => leftKey is not null;

    public bool HasResidual => residual is not null;

    public object? LeftKey(Token left)
    {
        if (leftKey is null)
        {
            return null;
        }
        try
        {
            return leftKey(left);
        }
        catch (Exception ex)
        {
            throw new RuleConditionException(ruleId, leftScope.Bind(left), ex);
        }
    }

    public object? RightKey(FactHandle fact)
    {
        if (rightKey is null)
        {
            return null;
        }
        try
        {
            return rightKey(fact.Value);
        }
        catch (Exception ex)
        {
            throw new RuleConditionException(ruleId, [new BoundFact(right, fact.Value)], ex);
        }
    }

    public bool Accepts(Token left, FactHandle fact) => residual is null || Test(left, fact.Value);

    public bool Test(Token left, object value)
    {
        if (residual is null)
        {
            return true;
        }
        try
        {
            return residual(left, value);
        }
        catch (Exception ex)
        {
            var facts = leftScope.Bind(left);
            facts.Add(new BoundFact(right, value));
            throw new RuleConditionException(ruleId, facts, ex);
        }
    }
}
