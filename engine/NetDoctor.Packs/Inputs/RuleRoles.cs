using System.Linq.Expressions;
using NetDoctor.Engine;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Running;
using NetDoctor.Packs.Types;
using NRules.RuleModel;

namespace NetDoctor.Packs.Inputs;

/// <summary>
/// What a rule does, read from its definition: whether it reports diagnoses, which derived fact types its actions
/// produce and which ones its conditions match. The same for YAML and C# rules: both are NRules rule definitions.
/// </summary>
public static class RuleRoles
{
    /// <summary>
    /// Rules that report diagnoses: YAML rules with a `diagnose` action, and C# rules not tagged "helper" (a helper only
    /// derives facts for other rules, like a YAML derive-only rule).
    /// </summary>
    public static IReadOnlyList<IRuleDefinition> Diagnosing(LoadedPacks packs) =>
        [.. packs.Rules.Where(r => r.Diagnoses).Select(r => r.Definition), .. packs.ExtraRules.Where(r => !r.Labels().Contains("helper"))];

    /// <summary>The concrete derived fact types the rule's actions create (a YAML `derive`, a C# `Yield(ctx => new X {…})`).</summary>
    public static IReadOnlySet<Type> Produces(IRuleDefinition rule)
    {
        var found = new TypeCollector();
        foreach (var action in rule.RightHandSide.Actions) found.Visit(action.Expression);
        return found.Types;
    }

    /// <summary>The derived fact types any pattern of the rule matches (top level, not/exists, aggregate sources, forall).</summary>
    public static IEnumerable<Type> Uses(IRuleDefinition rule) =>
        RulePatterns.Of(rule.LeftHandSide).Select(p => p.ValueType).Where(IsDerived).Distinct();

    public static bool IsDerived(Type type) => typeof(DerivedFact).IsAssignableFrom(type);


    /// <summary>
    /// Derived types the action creates: `new X {…}` or a factory call returning one. Bound facts (parameters and their
    /// members, `named.Chain`) are derived facts the rule matched, not ones it produces.
    /// </summary>
    private sealed class TypeCollector : ExpressionVisitor
    {
        public HashSet<Type> Types { get; } = [];

        public override Expression? Visit(Expression? node)
        {
            if (node is NewExpression or MemberInitExpression or MethodCallExpression && IsDerived(node.Type) && !node.Type.IsAbstract) Types.Add(node.Type);
            return base.Visit(node);
        }
    }
}
