using System.Linq.Expressions;
using NetDoctor.Engine.RuleModel;

namespace NetDoctor.Engine.Rete;

/// <summary>Compiles an action lambda (an IContext parameter plus declarations by name) into a delegate over the activation's token.</summary>
internal static class ActionCompiler
{
    public static Action<IContext, Token> Compile(ConditionCompiler compiler, ActionElement action, Scope scope)
    {
        var context = Expression.Parameter(typeof(IContext), "context");
        var token = Expression.Parameter(typeof(Token), "token");
        var map = new Dictionary<ParameterExpression, Expression>();
        foreach (var p in action.Expression.Parameters)
        {
            map[p] = p.Type == typeof(IContext) ? context : compiler.Resolve(p, null, null, scope, token);
        }
        var body = new ConditionCompiler.Replacer(map).Visit(action.Expression.Body);
        return Expression.Lambda<Action<IContext, Token>>(body, context, token).Compile();
    }
}
