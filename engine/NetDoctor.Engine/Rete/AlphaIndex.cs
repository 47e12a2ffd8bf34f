using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using NRules.RuleModel;
using NetDoctor.Engine.Runtime;

namespace NetDoctor.Engine.Rete;

/// <summary>
/// Alpha-node hashing: sibling alpha nodes testing the same expression against different constants
/// (<c>x.Group == 1</c>, <c>x.Group == 2</c>, ...; typical when many rules or YAML packs switch on a field) are
/// replaced by one evaluation of the expression and a dictionary lookup of its value, so 100 such rules cost one
/// test per fact instead of 100. The equality test itself is implied by the lookup. A selector that throws fails every
/// rule below the indexed nodes (each node's own test would have thrown the same way).
/// </summary>
internal sealed class AlphaIndex(Func<object, object?> selector, Dictionary<object, AlphaNode[]> nodes, int[] rules, Declaration declaration)
{
    /// <summary>Fewer siblings than this are cheaper to test one by one.</summary>
    public const int MinimumSiblings = 4;

    private static readonly object NullKey = new();

    public void Assert(Session session, FactHandle fact)
    {
        if (session.AllDisabled(rules))
        {
            return;
        }
        object? key;
        try
        {
            key = selector(fact.Value);
        }
        catch (Exception ex)
        {
            session.Fail(rules, [new BoundFact(declaration, fact.Value)], ex);
            return;
        }
        if (nodes.TryGetValue(key ?? NullKey, out var matching))
        {
            foreach (var node in matching)
            {
                node.AssertPassed(session, fact);
            }
        }
    }

    /// <summary>Splits <c>x => f(x) == constant</c> into the selector <c>x => f(x)</c> and the constant's value.</summary>
    public static bool TrySplit(LambdaExpression condition, out LambdaExpression selector, out object? key)
    {
        (selector, key) = (null!, null);
        if (condition.Parameters.Count != 1 || condition.Body is not BinaryExpression { NodeType: ExpressionType.Equal } equal
            || !JoinCompiler.Hashable(equal) || ReferenceEquality(equal.Left.Type))
        {
            return false;
        }
        var (side, constant) = IsConstant(equal.Right) ? (equal.Left, equal.Right) : IsConstant(equal.Left) ? (equal.Right, equal.Left) : (null, null);
        if (side is null || constant is null)
        {
            return false;
        }
        selector = Expression.Lambda(side, condition.Parameters);
        key = TieredLambda.EvaluateOnce(Expression.Lambda<Func<object?>>(Expression.Convert(constant, typeof(object))));
        return true;
    }

    public static AlphaIndex Create(LambdaExpression selector, IReadOnlyList<(object? Key, AlphaNode Node)> members, Declaration declaration)
    {
        var fact = Expression.Parameter(typeof(object), "fact");
        var parameter = selector.Parameters[0];
        var body = new ConditionCompiler.Replacer(parameter, Expression.Convert(fact, parameter.Type)).Visit(selector.Body);
        var compiled = TieredLambda.Compile(Expression.Lambda<Func<object, object?>>(Expression.Convert(body, typeof(object)), fact));
        var nodes = members.GroupBy(m => m.Key ?? NullKey).ToDictionary(g => g.Key, g => g.Select(m => m.Node).ToArray());
        int[] rules = [.. members.SelectMany(m => m.Node.Rules).Distinct()];
        return new AlphaIndex(compiled, nodes, rules, declaration);
    }

    // A local captured by a C# rule's Define() (a field of the compiler's closure class) is fixed once Define
    // has run, so it is as constant as a literal; fields of other objects may change and are not.
    private static bool IsConstant(Expression e) => e switch
    {
        ConstantExpression => true,
        UnaryExpression { NodeType: ExpressionType.Convert, Method: null } u => IsConstant(u.Operand),
        MemberExpression { Member: FieldInfo, Expression: ConstantExpression { Value: { } closure } } =>
            closure.GetType().IsDefined(typeof(CompilerGeneratedAttribute), inherit: false),
        _ => false,
    };

    // Classes compared with == by reference would need identity keys; they are rare in constant tests.
    private static bool ReferenceEquality(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return !t.IsValueType && t != typeof(string) && t.GetMethod("op_Equality", [t, t]) is null;
    }
}
