using NRules.RuleModel;
using NetDoctor.Engine.Runtime;

namespace NetDoctor.Engine.Rete;

/// <summary>
/// The compiled conditions between a node's left tokens and right facts: optional hash keys built from the
/// equality conjuncts (left side over earlier declarations, right side over the new fact) and a residual test.
/// A condition that throws is a failure of the rule (fault isolation): the session records it with the facts involved
/// and disables the rule, and the evaluation counts as "no match". A disabled rule's conditions are not evaluated again.
/// </summary>
internal sealed class JoinSpec(
    string ruleId,
    int ruleIndex,
    Scope leftScope,
    Declaration right,
    Func<Token, object?>? leftKey,
    Func<object, object?>? rightKey,
    Func<Token, object, bool>? residual)
{
    public static JoinSpec Always(string ruleId, int ruleIndex, Scope scope, Declaration right) => new(ruleId, ruleIndex, scope, right, null, null, null);

    public string RuleId => ruleId;

    public Declaration RightDeclaration => right;

    public bool Indexed => leftKey is not null;

    public bool HasResidual => residual is not null;

    /// <summary>The left token's join key; for a failed rule a fresh object that no right fact's key equals.</summary>
    public object? LeftKey(Session session, Token left)
    {
        if (leftKey is null)
        {
            return null;
        }
        if (session.IsDisabled(ruleIndex))
        {
            return new object();
        }
        try
        {
            return leftKey(left);
        }
        catch (Exception ex)
        {
            session.Fail(ruleIndex, leftScope.Bind(left), ex);
            return new object();
        }
    }

    /// <summary>The right fact's join key; for a failed rule a fresh object that no left token's key equals.</summary>
    public object? RightKey(Session session, FactHandle fact)
    {
        if (rightKey is null)
        {
            return null;
        }
        if (session.IsDisabled(ruleIndex))
        {
            return new object();
        }
        try
        {
            return rightKey(fact.Value);
        }
        catch (Exception ex)
        {
            session.Fail(ruleIndex, [new BoundFact(right, fact.Value)], ex);
            return new object();
        }
    }

    public bool Accepts(Session session, Token left, FactHandle fact) =>
        residual is null ? !session.IsDisabled(ruleIndex) : Test(session, left, fact.Value);

    public bool Test(Session session, Token left, object value)
    {
        if (session.IsDisabled(ruleIndex))
        {
            return false;
        }
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
            session.Fail(ruleIndex, facts, ex);
            return false;
        }
    }
}
