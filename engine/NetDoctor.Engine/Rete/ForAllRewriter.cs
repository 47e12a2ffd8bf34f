using System.Linq.Expressions;
using NRules.RuleModel;

namespace NetDoctor.Engine.Rete;

/// <summary>
/// forall(base, p1..pn) holds when no fact matches the base pattern while failing one of p1..pn.
/// This builds that counterexample pattern (base conditions plus "not all of p1..pn", with each pi's
/// declaration bound to the base fact) so forall compiles to a single not node.
/// </summary>
internal static class ForAllRewriter
{
    public static PatternElement Counterexample(ConditionCompiler compiler, ForAllElement forAll)
    {
        var baseDeclaration = forAll.BasePattern.Declaration;
        var self = Expression.Parameter(baseDeclaration.Type, baseDeclaration.Name);
        var others = new Dictionary<string, ParameterExpression>();
        var tests = new List<Expression>();
        foreach (var pattern in forAll.Patterns)
        {
            if (pattern.Source is not null)
            {
                throw compiler.Error("forall patterns cannot be aggregates.");
            }
            var isType = pattern.Declaration.Type.IsAssignableFrom(baseDeclaration.Type);
            Expression asPattern = isType ? self : Expression.Convert(self, pattern.Declaration.Type);
            if (!isType)
            {
                tests.Add(Expression.TypeIs(self, pattern.Declaration.Type));
            }
            foreach (var condition in pattern.Conditions())
            {
                var map = new Dictionary<ParameterExpression, Expression>();
                foreach (var p in condition.Parameters)
                {
                    if (p.Name == pattern.Declaration.Name || p.Name == baseDeclaration.Name)
                    {
                        map[p] = Expression.Convert(asPattern, p.Type);
                    }
                    else
                    {
                        if (!others.TryGetValue(p.Name!, out var other))
                        {
                            others[p.Name!] = other = Expression.Parameter(p.Type, p.Name);
                        }
                        map[p] = other.Type == p.Type ? other : Expression.Convert(other, p.Type);
                    }
                }
                tests.Add(new ConditionCompiler.Replacer(map).Visit(condition.Body));
            }
        }
        var conditions = new List<LambdaExpression>(forAll.BasePattern.Conditions());
        if (tests.Count > 0)
        {
            var allHold = tests.Aggregate(Expression.AndAlso);
            conditions.Add(Expression.Lambda(Expression.Not(allHold), [self, .. others.Values]));
        }
        else
        {
            // No constraint on the base facts: any base fact satisfies "all patterns", so forall always holds.
            conditions.Add(Expression.Lambda(Expression.Constant(false), self));
        }
        return forAll.BasePattern.WithConditions(conditions);
    }
}
