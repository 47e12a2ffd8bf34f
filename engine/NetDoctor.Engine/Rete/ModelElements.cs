using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace NetDoctor.Engine.Rete;

/// <summary>Reading NRules' rule model the way the Rete compiler needs it.</summary>
internal static class ModelElements
{
    /// <summary>A pattern's conditions (NRules names them <see cref="PatternElement.ConditionName"/>).</summary>
    public static IReadOnlyList<LambdaExpression> Conditions(this PatternElement pattern) =>
        [.. pattern.Expressions.Find(PatternElement.ConditionName).Select(e => e.Expression)];

    /// <summary>A named expression of an aggregate (key selector, element selector), or null.</summary>
    public static LambdaExpression? Expression(this AggregateElement aggregate, string name) =>
        aggregate.Expressions.FindSingleOrDefault(name)?.Expression;

    /// <summary>A pattern with the same declaration and other conditions (forall's rewrite).</summary>
    public static PatternElement WithConditions(this PatternElement pattern, IEnumerable<LambdaExpression> conditions) =>
        Element.Pattern(pattern.Declaration, conditions.Select(Element.Condition), null);

    /// <summary>The children of the left-hand side with nested and-groups flattened; an or-group is not supported.</summary>
    public static IEnumerable<RuleElement> AndChildren(GroupElement group, ConditionCompiler compiler)
    {
        if (group is not AndElement)
        {
            throw compiler.Error($"{group.ElementType} groups are not supported by the indexed runtime; split the rule into one rule per alternative.");
        }
        foreach (var child in group.ChildElements)
        {
            if (child is GroupElement inner)
            {
                foreach (var nested in AndChildren(inner, compiler))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return child;
            }
        }
    }
}
