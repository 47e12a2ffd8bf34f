using System.Linq.Expressions;
using System.Reflection;
using NRules.RuleModel;

namespace NetDoctor.Engine.Rete;

/// <summary>
/// Compiles an action lambda (NRules' shape: an <see cref="IContext"/> parameter first, then declarations by name) into a
/// delegate over the activation's token. A parameter naming one of the rule's dependencies
/// (<c>Dependency().Resolve(() => service)</c>) is resolved through <see cref="IContext.Resolve"/> when the action runs.
/// </summary>
internal static class ActionCompiler
{
    private static readonly MethodInfo Resolve = typeof(IContext).GetMethod(nameof(IContext.Resolve))!;

    public static CompiledAction Compile(ConditionCompiler compiler, ActionElement action, Scope scope, IReadOnlyCollection<DependencyElement> dependencies)
    {
        if ((action.ActionTrigger & ActionTrigger.Deactivated) != 0)
        {
            throw compiler.Error("actions on deactivation (Undo / ActionTrigger.Deactivated) are not supported by the indexed runtime; derive with Yield, whose facts are retracted with their match.");
        }
        var lambda = action.Expression;
        if (lambda.Parameters.Count == 0 || lambda.Parameters[0].Type != typeof(IContext))
        {
            throw compiler.Error($"action {lambda} must take the IContext as its first parameter.");
        }
        var context = Expression.Parameter(typeof(IContext), "context");
        var token = Expression.Parameter(typeof(Token), "token");
        var map = new Dictionary<ParameterExpression, Expression> { [lambda.Parameters[0]] = context };
        foreach (var p in lambda.Parameters.Skip(1))
        {
            var dependency = dependencies.FirstOrDefault(d => d.Declaration.Name == p.Name);
            map[p] = dependency is not null
                ? Expression.Convert(Expression.Call(context, Resolve, Expression.Constant(dependency.ServiceType, typeof(Type))), p.Type)
                : compiler.Resolve(p, null, null, scope, token);
        }
        var body = new ConditionCompiler.Replacer(map).Visit(lambda.Body);
        return new CompiledAction(TieredLambda.Compile(Expression.Lambda<Action<IContext, Token>>(body, context, token)), action.ActionTrigger);
    }
}
