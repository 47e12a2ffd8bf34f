using NRules.Fluent.Dsl;

namespace NetDoctor.Engine.Aggregators;

/// <summary>NRules.Fluent has no count; this is ours, as YAML packs spell it: <c>Query(() => n, q => q.Match&lt;T&gt;(...).Count())</c>.</summary>
public static class CountQueryExtensions
{
    /// <summary>The number of matching facts as an <c>int</c>, zero included. Names its factory, so plain NRules compiles it too.</summary>
    public static IQuery<int> Count<TSource>(this IQuery<TSource> source)
        where TSource : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        source.Builder.Aggregate<TSource, int>(AggregateNames.Count, [], typeof(CountAggregatorFactory));
        return new QueryExpression<int>(source.Builder);
    }
}
