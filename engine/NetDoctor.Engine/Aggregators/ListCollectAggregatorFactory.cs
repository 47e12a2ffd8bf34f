using NRules.Aggregators;
using NRules.RuleModel;

namespace NetDoctor.Engine.Aggregators;

/// <summary>
/// NRules factory for a collect bound as <c>IReadOnlyList&lt;T&gt;</c> (NRules' own collect yields a live
/// <c>IEnumerable&lt;T&gt;</c>). Each change yields a new array snapshot in insertion order, as the indexed runtime does.
/// </summary>
public sealed class ListCollectAggregatorFactory : IAggregatorFactory
{
    private Func<IAggregator>? create;

    public void Compile(AggregateElement element, IReadOnlyCollection<IAggregateExpression> compiledExpressions)
    {
        var elementType = element.Source.ValueType;
        if (!element.ResultType.IsAssignableFrom(elementType.MakeArrayType()))
        {
            throw new ArgumentException($"a list collect of {elementType.Name} cannot be bound as {element.ResultType.Name}; use IReadOnlyList<{elementType.Name}>.");
        }
        var type = typeof(ListCollectAggregator<>).MakeGenericType(elementType);
        create = () => (IAggregator)Activator.CreateInstance(type)!;
    }

    public IAggregator Create(AggregationContext context) =>
        (create ?? throw new InvalidOperationException("The aggregator factory was not compiled."))();
}

internal sealed class ListCollectAggregator<T> : IAggregator
{
    private readonly Dictionary<IFact, LinkedListNode<(IFact Fact, T Value)>> nodes = [];
    private readonly LinkedList<(IFact Fact, T Value)> items = new();
    private T[]? result;

    public IReadOnlyCollection<AggregationResult> Add(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        foreach (var fact in facts)
        {
            nodes[fact] = items.AddLast((fact, (T)fact.Value!));
        }
        return [Emit()];
    }

    public IReadOnlyCollection<AggregationResult> Modify(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        foreach (var fact in facts)
        {
            var node = nodes[fact];
            node.Value = (fact, (T)fact.Value!);
        }
        return [Emit()];
    }

    public IReadOnlyCollection<AggregationResult> Remove(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        foreach (var fact in facts)
        {
            if (nodes.Remove(fact, out var node))
            {
                items.Remove(node);
            }
        }
        return [Emit()];
    }

    private AggregationResult Emit()
    {
        var previous = result;
        var next = new T[items.Count];
        var i = 0;
        foreach (var item in items)
        {
            next[i++] = item.Value;
        }
        result = next;
        var source = items.Select(i => i.Fact).ToArray();
        return previous is null ? AggregationResult.Added(next, source) : AggregationResult.Modified(next, previous, source);
    }
}
