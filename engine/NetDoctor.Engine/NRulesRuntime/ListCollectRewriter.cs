using NetDoctor.Engine.Aggregators;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace NetDoctor.Engine.NRulesRuntime;

/// <summary>
/// NRules builds every aggregate named <see cref="AggregateElement.CollectName"/> with its own collection factory, ignoring
/// the element's custom factory, and that collection is only an <c>IEnumerable&lt;T&gt;</c>. A collect bound as
/// <c>IReadOnlyList&lt;T&gt;</c> or <c>T[]</c> (what YAML packs declare) is renamed here so NRules asks the factory the
/// element names, <see cref="ListCollectAggregatorFactory"/>, which yields arrays. Collects NRules can bind stay its own.
/// </summary>
internal sealed class ListCollectRewriter : RuleElementVisitor<Context>
{
    /// <summary>The name a rewritten collect carries, registered with NRules' aggregator registry.</summary>
    public const string AggregateName = "NetDoctor.ListCollect";

    private static readonly ListCollectRewriter Instance = new();

    /// <summary>The rule itself when nothing needed rewriting, else a copy with the same name, metadata and actions.</summary>
    public static IRuleDefinition Rewrite(IRuleDefinition rule) => Instance.Visit(Context.Empty, rule);

    protected override RuleElement VisitAggregate(Context context, AggregateElement element)
    {
        var visited = base.VisitAggregate(context, element);
        if (visited is not AggregateElement aggregate || !NeedsList(aggregate))
        {
            return visited;
        }
        return Element.Aggregate(aggregate.ResultType, AggregateName, aggregate.Expressions, aggregate.Source, typeof(ListCollectAggregatorFactory));
    }

    private static bool NeedsList(AggregateElement aggregate) =>
        aggregate.Name == AggregateElement.CollectName
        && aggregate.Expressions.Count == 0
        && !aggregate.ResultType.IsAssignableFrom(typeof(IEnumerable<>).MakeGenericType(aggregate.Source.ValueType));
}
