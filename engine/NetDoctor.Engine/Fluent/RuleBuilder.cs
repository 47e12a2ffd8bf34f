using System.Linq.Expressions;
using System.Reflection;
using NetDoctor.Engine.RuleModel;

namespace NetDoctor.Engine.Fluent;

/// <summary>Collects what <see cref="Rule.Define"/> declares and produces the <see cref="RuleDefinition"/>.</summary>
internal sealed class RuleBuilder : ILeftHandSide, IRightHandSide
{
    private static readonly MethodInfo InsertLinkedMethod = typeof(IContext).GetMethod(nameof(IContext.InsertLinked))!;

    private readonly DeclarationRewriter rewriter = new();
    private readonly List<RuleElement> elements = [];
    private readonly List<ActionElement> actions = [];

    public ILeftHandSide LeftHandSide => this;

    public IRightHandSide RightHandSide => this;

    public RuleDefinition Build(RuleMetadata metadata) => new(metadata, new AndElement([.. elements]), [.. actions]);

    public ILeftHandSide Match<T>(Expression<Func<T>> alias, params Expression<Func<T, bool>>[] conditions)
    {
        elements.Add(Pattern(rewriter.Declare(alias), conditions));
        return this;
    }

    public ILeftHandSide Match<T>(params Expression<Func<T, bool>>[] conditions)
    {
        elements.Add(Pattern(rewriter.Anonymous(typeof(T)), conditions));
        return this;
    }

    public ILeftHandSide Not<T>(params Expression<Func<T, bool>>[] conditions)
    {
        elements.Add(new NotElement(Pattern(rewriter.Anonymous(typeof(T)), conditions)));
        return this;
    }

    public ILeftHandSide Exists<T>(params Expression<Func<T, bool>>[] conditions)
    {
        elements.Add(new ExistsElement(Pattern(rewriter.Anonymous(typeof(T)), conditions)));
        return this;
    }

    public ILeftHandSide All<T>(Expression<Func<T, bool>> baseCondition, params Expression<Func<T, bool>>[] conditions)
    {
        var declaration = rewriter.Anonymous(typeof(T));
        elements.Add(new ForAllElement(Pattern(declaration, [baseCondition]), [Pattern(declaration, conditions)]));
        return this;
    }

    public ILeftHandSide Query<TResult>(Expression<Func<TResult>> alias, Func<IQueryBuilder, IQuery<TResult>> query)
    {
        var spec = query(new QueryBuilder()).Spec;
        if (spec.Kind is not { } kind)
        {
            throw new InvalidOperationException("A query must end with Collect(), Count() or GroupBy().");
        }
        var source = rewriter.Anonymous(spec.Source);
        var result = rewriter.Declare(alias);
        var aggregate = new AggregateElement(
            kind,
            typeof(TResult),
            Pattern(source, spec.SourceConditions),
            spec.KeySelector is null ? null : rewriter.Pattern(spec.KeySelector, source),
            spec.ElementSelector is null ? null : rewriter.Pattern(spec.ElementSelector, source));
        elements.Add(new PatternElement(result, [.. spec.ResultConditions.Select(c => rewriter.Pattern(c, result))], aggregate));
        return this;
    }

    public IRightHandSide Do(Expression<Action<IContext>> action)
    {
        actions.Add(new ActionElement(rewriter.Action(action)));
        return this;
    }

    public IRightHandSide Yield<T>(Expression<Func<IContext, T>> produce) where T : notnull
    {
        var insert = Expression.Lambda<Action<IContext>>(
            Expression.Call(produce.Parameters[0], InsertLinkedMethod, Expression.Convert(produce.Body, typeof(object))),
            produce.Parameters);
        actions.Add(new ActionElement(rewriter.Action(insert)));
        return this;
    }

    private PatternElement Pattern(Declaration declaration, IEnumerable<LambdaExpression> conditions) =>
        new(declaration, [.. conditions.Select(c => rewriter.Pattern(c, declaration))]);
}
