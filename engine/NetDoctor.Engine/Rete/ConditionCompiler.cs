using System.Linq.Expressions;
using System.Reflection;
using NRules.RuleModel;

namespace NetDoctor.Engine.Rete;

/// <summary>
/// Turns rule-model lambdas (parameters named after declarations) into delegates over the engine's runtime shapes:
/// the new fact as <c>object</c> and earlier declarations read from the left token. Everything is resolved and
/// compiled once here; evaluation does no lookups by name.
/// </summary>
internal sealed class ConditionCompiler(string ruleId, int ruleIndex = 0)
{
    private static readonly MethodInfo ValueAt = typeof(Token).GetMethod(nameof(Token.ValueAt))!;

    public string RuleId { get; } = ruleId;

    /// <summary>Dense index of the rule in its network (its terminal's <see cref="BetaNode.RuleIndex"/>).</summary>
    public int RuleIndex { get; } = ruleIndex;

    /// <summary>Whether every parameter of <paramref name="condition"/> names <paramref name="own"/> (a single-fact test).</summary>
    public static bool IsAlpha(LambdaExpression condition, Declaration own) => condition.Parameters.All(p => p.Name == own.Name);

    public Func<object, bool> CompileAlpha(LambdaExpression condition, Declaration own)
    {
        var fact = Expression.Parameter(typeof(object), "fact");
        var body = Rebind(condition.Body, condition.Parameters, own, fact, Scope.Empty, null);
        return TieredLambda.Compile(Expression.Lambda<Func<object, bool>>(body, fact));
    }

    public Func<object, object?> CompileSelector(LambdaExpression selector, Declaration source)
    {
        if (selector.Parameters.Count != 1 || !selector.Parameters[0].Type.IsAssignableFrom(source.Type))
        {
            throw Error($"selector {selector} must take exactly one parameter of type {source.Type.Name} (the aggregated fact).");
        }
        var fact = Expression.Parameter(typeof(object), "fact");
        var body = new Replacer(selector.Parameters[0], Expression.Convert(fact, selector.Parameters[0].Type)).Visit(selector.Body);
        return TieredLambda.Compile(Expression.Lambda<Func<object, object?>>(Expression.Convert(body, typeof(object)), fact));
    }

    /// <summary>Rewrites a lambda body: parameters naming <paramref name="own"/> read <paramref name="fact"/>, others read the token.</summary>
    public Expression Rebind(Expression body, IReadOnlyList<ParameterExpression> parameters, Declaration? own, ParameterExpression? fact, Scope scope, ParameterExpression? token)
    {
        var map = new Dictionary<ParameterExpression, Expression>();
        foreach (var p in parameters)
        {
            map[p] = Resolve(p, own, fact, scope, token);
        }
        return new Replacer(map).Visit(body);
    }

    public Expression Resolve(ParameterExpression p, Declaration? own, ParameterExpression? fact, Scope scope, ParameterExpression? token)
    {
        if (own is not null && p.Name == own.Name && fact is not null)
        {
            CheckType(p, own);
            return Expression.Convert(fact, p.Type);
        }
        if (token is not null && p.Name is not null && scope.TryFind(p.Name, out var declaration, out var index))
        {
            CheckType(p, declaration);
            return Expression.Convert(Expression.Call(ValueAt, token, Expression.Constant(index)), p.Type);
        }
        var known = own is null ? scope.Names : $"{own.Name}, {scope.Names}";
        throw Error($"parameter '{p.Name}' names no declaration in scope (in scope: {known}).");
    }

    public RuleCompilationException Error(string message) => new(RuleId, message);

    private void CheckType(ParameterExpression p, Declaration declaration)
    {
        if (!p.Type.IsAssignableFrom(declaration.Type))
        {
            throw Error($"parameter '{p.Name}' has type {p.Type.Name} but declaration '{declaration.Name}' is {declaration.Type.Name}.");
        }
    }

    /// <summary>Replaces parameters by expressions.</summary>
    internal sealed class Replacer : ExpressionVisitor
    {
        private readonly IReadOnlyDictionary<ParameterExpression, Expression> _map;

        public Replacer(IReadOnlyDictionary<ParameterExpression, Expression> map) => this._map = map;

        public Replacer(ParameterExpression from, Expression to) => _map = new Dictionary<ParameterExpression, Expression> { [from] = to };

        protected override Expression VisitParameter(ParameterExpression node) => _map.TryGetValue(node, out var e) ? e : node;
    }
}
