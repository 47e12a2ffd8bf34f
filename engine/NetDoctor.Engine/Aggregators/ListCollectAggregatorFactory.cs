using NRules.Aggregators;
using NRules.RuleModel;

namespace NetDoctor.Engine.Aggregators;

/// <summary>
/// NRules factory for a collect bound as <c>IReadOnlyList&lt;T&gt;</c> (NRules' own collect yields a live
/// <c>IEnumerable&lt;T&gt;</c>). Each change yields a new array snapshot in insertion order, as the indexed runtime does.
/// </summary>
public sealed class ListCollectAggregatorFactory : IAggregatorFactory
{
    private Func<IAggregator>? _create;

    public void Compile(AggregateElement element, IReadOnlyCollection<IAggregateExpression> compiledExpressions)
    {
        var elementType = element.Source.ValueType;
        if (!element.ResultType.IsAssignableFrom(elementType.MakeArrayType()))
        {
            throw new ArgumentException($"a list collect of {elementType.Name} cannot be bound as {element.ResultType.Name}; use IReadOnlyList<{elementType.Name}>.");
        }
        var type = typeof(ListCollectAggregator<>).MakeGenericType(elementType);
        _create = () => (IAggregator)Activator.CreateInstance(type)!;
    }

    public IAggregator Create(AggregationContext context) =>
        (_create ?? throw new InvalidOperationException("The aggregator factory was not compiled."))();
}

internal sealed class ListCollectAggregator<T> : IAggregator
{
    private readonly Dictionary<IFact, LinkedListNode<(IFact Fact, T Value)>> _nodes = [];
    private readonly LinkedList<(IFact Fact, T Value)> _items = new();
    private T[]? _result;

    public IReadOnlyCollection<AggregationResult> Add(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        foreach (var fact in facts)
        {
            _nodes[fact] = _items.AddLast((fact, (T)fact.Value!));
        }
        return [Emit()];
    }

    public IReadOnlyCollection<AggregationResult> Modify(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        foreach (var fact in facts)
        {
            var node = _nodes[fact];
            node.Value = (fact, (T)fact.Value!);
        }
        return [Emit()];
    }

    public IReadOnlyCollection<AggregationResult> Remove(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> facts)
    {
        foreach (var fact in facts)
        {
            if (_nodes.Remove(fact, out var node))
            {
                _items.Remove(node);
            }
        }
        return [Emit()];
    }

    private AggregationResult Emit()
    {
        var previous = _result;
        var next = new T[_items.Count];
        var i = 0;
        foreach (var item in _items)
        {
            next[i++] = item.Value;
        }
        _result = next;
        var source = _items.Select(i => i.Fact).ToArray();
        return previous is null ? AggregationResult.Added(next, source) : AggregationResult.Modified(next, previous, source);
    }
}
