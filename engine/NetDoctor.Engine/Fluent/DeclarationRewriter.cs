using System.Linq.Expressions;
using System.Reflection;
using NetDoctor.Engine.RuleModel;

namespace NetDoctor.Engine.Fluent;

/// <summary>
/// Turns C# lambdas into rule-model lambdas. A pattern variable is a captured local (a field of the compiler's
/// closure class); <c>() => pool</c> names it. In later lambdas every read of that captured field becomes a
/// lambda parameter named "pool", and a lambda's own parameter is renamed to its pattern's declaration.
/// </summary>
internal sealed class DeclarationRewriter
{
    private readonly Dictionary<MemberInfo, Declaration> declarations = [];
    private int anonymous;

    public Declaration Declare(LambdaExpression alias)
    {
        if (alias.Body is not MemberExpression { Member: FieldInfo or PropertyInfo } member || !IsClosure(member.Expression))
        {
            throw new ArgumentException($"Declare pattern variables as locals and pass them as '() => variable' (got {alias}).", nameof(alias));
        }
        var declaration = new Declaration(member.Member.Name, alias.ReturnType);
        if (declarations.Values.Any(d => d.Name == declaration.Name) && !declarations.ContainsKey(member.Member))
        {
            throw new ArgumentException($"Two pattern variables are named '{declaration.Name}'.", nameof(alias));
        }
        declarations[member.Member] = declaration;
        return declaration;
    }

    public Declaration Anonymous(Type type) => new($"${type.Name}{++anonymous}", type);

    /// <summary>Rewrites a one-parameter condition/selector whose parameter is the pattern's own fact.</summary>
    public LambdaExpression Pattern(LambdaExpression lambda, Declaration own)
    {
        var self = Expression.Parameter(lambda.Parameters[0].Type, own.Name);
        return Rewrite(lambda, [self], new Dictionary<ParameterExpression, ParameterExpression> { [lambda.Parameters[0]] = self });
    }

    /// <summary>Rewrites an action: the context parameter stays first, captured pattern variables become parameters.</summary>
    public LambdaExpression Action(LambdaExpression lambda) => Rewrite(lambda, [.. lambda.Parameters], []);

    private LambdaExpression Rewrite(LambdaExpression lambda, List<ParameterExpression> leading, Dictionary<ParameterExpression, ParameterExpression> renames)
    {
        var visitor = new Visitor(declarations, renames, leading);
        var body = visitor.Visit(lambda.Body);
        return Expression.Lambda(body, [.. leading, .. visitor.Used]);
    }

    private static bool IsClosure(Expression? e) => e switch
    {
        ConstantExpression => true,
        MemberExpression { Member: FieldInfo } inner => IsClosure(inner.Expression),
        _ => false,
    };

    private sealed class Visitor(
        Dictionary<MemberInfo, Declaration> declarations,
        Dictionary<ParameterExpression, ParameterExpression> renames,
        List<ParameterExpression> leading) : ExpressionVisitor
    {
        private readonly Dictionary<string, ParameterExpression> used = [];

        public IEnumerable<ParameterExpression> Used => used.Values;

        protected override Expression VisitParameter(ParameterExpression node) => renames.TryGetValue(node, out var renamed) ? renamed : node;

        protected override Expression VisitMember(MemberExpression node)
        {
            if (declarations.TryGetValue(node.Member, out var declaration) && IsClosure(node.Expression))
            {
                var own = leading.Find(p => p.Name == declaration.Name);
                if (own is not null)
                {
                    return own;
                }
                if (!used.TryGetValue(declaration.Name, out var parameter))
                {
                    used[declaration.Name] = parameter = Expression.Parameter(declaration.Type, declaration.Name);
                }
                return parameter;
            }
            return base.VisitMember(node);
        }
    }
}
