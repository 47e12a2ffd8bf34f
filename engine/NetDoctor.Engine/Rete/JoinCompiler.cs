using System.Linq.Expressions;
using System.Reflection;
using NRules.RuleModel;

namespace NetDoctor.Engine.Rete;

/// <summary>
/// Compiles the conditions that relate a pattern to earlier declarations into a <see cref="JoinSpec"/>.
/// Conjuncts of the form <c>f(own) == g(earlier)</c> with hash-compatible equality become index keys
/// (left key over the token, right key over the fact); everything else becomes the residual test.
/// </summary>
internal static class JoinCompiler
{
    private static readonly ConstructorInfo PairKeyCtor = typeof(PairKey).GetConstructor([typeof(object), typeof(object)])!;
    private static readonly ConstructorInfo TripleKeyCtor = typeof(TripleKey).GetConstructor([typeof(object), typeof(object), typeof(object)])!;
    private static readonly ConstructorInfo CompositeKeyCtor = typeof(CompositeKey).GetConstructor([typeof(object[])])!;
    private static readonly ConstructorInfo ReferenceKeyCtor = typeof(ReferenceKey).GetConstructor([typeof(object)])!;

    public static JoinSpec Compile(ConditionCompiler compiler, IReadOnlyList<LambdaExpression> conditions, Declaration own, Scope scope, bool allowIndex = true)
    {
        if (conditions.Count == 0)
        {
            return JoinSpec.Always(compiler.RuleId, compiler.RuleIndex, scope, own);
        }
        var token = Expression.Parameter(typeof(Token), "left");
        var fact = Expression.Parameter(typeof(object), "fact");
        var leftParts = new List<Expression>();
        var rightParts = new List<Expression>();
        var residual = new List<Expression>();
        foreach (var condition in conditions)
        {
            if (condition.ReturnType != typeof(bool))
            {
                throw compiler.Error($"condition {condition} must return bool.");
            }
            var rebound = compiler.Rebind(condition.Body, condition.Parameters, own, fact, scope, token);
            var ownParams = condition.Parameters.Where(p => p.Name == own.Name).ToHashSet();
            var originals = Conjuncts(condition.Body).ToList();
            var rewritten = Conjuncts(rebound).ToList();
            for (var i = 0; i < originals.Count; i++)
            {
                if (allowIndex && TrySplitEquality(originals[i], ownParams, out var ownSide, out var otherSide))
                {
                    var (rebuiltOwn, rebuiltOther) = ((BinaryExpression)rewritten[i]) switch
                    {
                        var b when ownSide == ((BinaryExpression)originals[i]).Left => (b.Left, b.Right),
                        var b => (b.Right, b.Left),
                    };
                    rightParts.Add(KeyPart(rebuiltOwn));
                    leftParts.Add(KeyPart(rebuiltOther));
                }
                else
                {
                    residual.Add(rewritten[i]);
                }
            }
        }
        Func<Token, object?>? leftKey = null;
        Func<object, object?>? rightKey = null;
        if (leftParts.Count > 0)
        {
            leftKey = TieredLambda.Compile(Expression.Lambda<Func<Token, object?>>(Key(leftParts), token));
            rightKey = TieredLambda.Compile(Expression.Lambda<Func<object, object?>>(Key(rightParts), fact));
        }
        Func<Token, object, bool>? test = residual.Count == 0
            ? null
            : TieredLambda.Compile(Expression.Lambda<Func<Token, object, bool>>(residual.Aggregate(Expression.AndAlso), token, fact));
        return new JoinSpec(compiler.RuleId, compiler.RuleIndex, scope, own, leftKey, rightKey, test);
    }

    private static IEnumerable<Expression> Conjuncts(Expression e)
    {
        if (e.NodeType == ExpressionType.AndAlso && e is BinaryExpression { Method: null } b)
        {
            return Conjuncts(b.Left).Concat(Conjuncts(b.Right));
        }
        return [e];
    }

    private static bool TrySplitEquality(Expression e, HashSet<ParameterExpression> ownParams, out Expression ownSide, out Expression otherSide)
    {
        ownSide = otherSide = null!;
        if (e is not BinaryExpression { NodeType: ExpressionType.Equal } b || !Hashable(b))
        {
            return false;
        }
        var (leftOwn, leftOther) = Uses(b.Left, ownParams);
        var (rightOwn, rightOther) = Uses(b.Right, ownParams);
        if (leftOwn && !leftOther && rightOther && !rightOwn)
        {
            (ownSide, otherSide) = (b.Left, b.Right);
            return true;
        }
        if (rightOwn && !rightOther && leftOther && !leftOwn)
        {
            (ownSide, otherSide) = (b.Right, b.Left);
            return true;
        }
        return false;
    }

    /// <summary>Whether <c>==</c> on these operands agrees with <see cref="object.Equals(object)"/>/<see cref="object.GetHashCode"/> of the boxed values.</summary>
    internal static bool Hashable(BinaryExpression b)
    {
        var type = Nullable.GetUnderlyingType(b.Left.Type) ?? b.Left.Type;
        if (b.Method is null)
        {
            // Built-in == on primitives and enums matches Equals, except NaN for floating point; on classes it is reference equality.
            return type != typeof(float) && type != typeof(double) && type != typeof(Half);
        }
        var declaring = b.Method.DeclaringType!;
        if (b.Method.Name != "op_Equality" || b.Left.Type != b.Right.Type)
        {
            return false;
        }
        return declaring == typeof(string) || declaring == typeof(decimal) || declaring == typeof(Guid)
            || declaring == typeof(DateTime) || declaring == typeof(DateTimeOffset) || declaring == typeof(TimeSpan)
            || IsRecord(declaring);
    }

    /// <summary>Records' == is their Equals, which agrees with their GetHashCode.</summary>
    private static bool IsRecord(Type t) =>
        t.GetMethod("<Clone>$") is not null
        || (t.IsValueType && t.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);

    private static (bool Own, bool Other) Uses(Expression e, HashSet<ParameterExpression> ownParams)
    {
        var finder = new ParameterFinder();
        finder.Visit(e);
        return (finder.Found.Any(ownParams.Contains), finder.Found.Any(p => !ownParams.Contains(p)));
    }

    private static Expression KeyPart(Expression e)
    {
        var boxed = Expression.Convert(e, typeof(object));
        var type = Nullable.GetUnderlyingType(e.Type) ?? e.Type;
        // Reference-equality == on classes without an operator: key by identity, not by an overridden Equals.
        var referenceEquality = !type.IsValueType && type != typeof(string) && type.GetMethod("op_Equality", [type, type]) is null;
        return referenceEquality ? Expression.New(ReferenceKeyCtor, boxed) : boxed;
    }

    // Two or three parts (the usual joins) get a key with fields, 40–48 bytes instead of an 80-byte key plus array:
    // an index keeps one key per distinct value, and a join on node, table and chain has as many as there are chains.
    private static Expression Key(List<Expression> parts) => parts.Count switch
    {
        1 => parts[0],
        2 => Expression.New(PairKeyCtor, parts),
        3 => Expression.New(TripleKeyCtor, parts),
        _ => Expression.New(CompositeKeyCtor, Expression.NewArrayInit(typeof(object), parts)),
    };

    private sealed class ParameterFinder : ExpressionVisitor
    {
        public HashSet<ParameterExpression> Found { get; } = [];

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found.Add(node);
            return node;
        }
    }
}
