using System.Linq.Expressions;
using NetDoctor.Engine.RuleModel;

namespace NetDoctor.Engine.Fluent;

/// <summary>Starts a query inside <see cref="ILeftHandSide.Query{TResult}"/>.</summary>
public interface IQueryBuilder
{
    IQuery<T> Match<T>(params Expression<Func<T, bool>>[] conditions);
}

/// <summary>A query under construction producing values of <typeparamref name="T"/>. Continue with the extension methods in <see cref="QueryExtensions"/>.</summary>
public interface IQuery<out T>
{
    QuerySpec Spec { get; }
}

/// <summary>What a fluent query has collected so far (source pattern, aggregation, result filters).</summary>
public sealed class QuerySpec
{
    internal QuerySpec(Type source, IEnumerable<LambdaExpression> conditions)
    {
        Source = source;
        SourceConditions.AddRange(conditions);
    }

    internal Type Source { get; }

    internal List<LambdaExpression> SourceConditions { get; } = [];

    internal AggregateKind? Kind { get; set; }

    internal LambdaExpression? KeySelector { get; set; }

    internal LambdaExpression? ElementSelector { get; set; }

    internal List<LambdaExpression> ResultConditions { get; } = [];
}

internal sealed class QueryStep<T>(QuerySpec spec) : IQuery<T>
{
    public QuerySpec Spec { get; } = spec;
}

internal sealed class QueryBuilder : IQueryBuilder
{
    public IQuery<T> Match<T>(params Expression<Func<T, bool>>[] conditions) => new QueryStep<T>(new QuerySpec(typeof(T), conditions));
}

public static class QueryExtensions
{
    /// <summary>Before an aggregation: filters the source facts. After: filters the aggregate results.</summary>
    public static IQuery<T> Where<T>(this IQuery<T> query, params Expression<Func<T, bool>>[] conditions)
    {
        (query.Spec.Kind is null ? query.Spec.SourceConditions : query.Spec.ResultConditions).AddRange(conditions);
        return query;
    }

    /// <summary>All matching facts (an empty list when there are none).</summary>
    public static IQuery<IReadOnlyList<T>> Collect<T>(this IQuery<T> query) => Aggregate<T, IReadOnlyList<T>>(query, AggregateKind.Collect);

    /// <summary>The number of matching facts (0 when there are none).</summary>
    public static IQuery<int> Count<T>(this IQuery<T> query) => Aggregate<T, int>(query, AggregateKind.Count);

    /// <summary>One group per key of the matching facts (no result when there are none).</summary>
    public static IQuery<IGrouping<TKey, T>> GroupBy<T, TKey>(this IQuery<T> query, Expression<Func<T, TKey>> key)
    {
        var step = Aggregate<T, IGrouping<TKey, T>>(query, AggregateKind.GroupBy);
        step.Spec.KeySelector = key;
        return step;
    }

    public static IQuery<IGrouping<TKey, TElement>> GroupBy<T, TKey, TElement>(this IQuery<T> query, Expression<Func<T, TKey>> key, Expression<Func<T, TElement>> element)
    {
        var step = Aggregate<T, IGrouping<TKey, TElement>>(query, AggregateKind.GroupBy);
        step.Spec.KeySelector = key;
        step.Spec.ElementSelector = element;
        return step;
    }

    private static IQuery<TResult> Aggregate<T, TResult>(IQuery<T> query, AggregateKind kind)
    {
        if (query.Spec.Kind is not null)
        {
            throw new InvalidOperationException("A query can aggregate only once.");
        }
        query.Spec.Kind = kind;
        return new QueryStep<TResult>(query.Spec);
    }
}
