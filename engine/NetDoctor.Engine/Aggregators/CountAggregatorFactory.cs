using NRules.Aggregators;
using NRules.RuleModel;

namespace NetDoctor.Engine.Aggregators;

/// <summary>NRules factory for <see cref="AggregateNames.Count"/>: the number of matching facts as an <c>int</c> (also zero).</summary>
public sealed class CountAggregatorFactory : IAggregatorFactory
{
    public void Compile(AggregateElement element, IReadOnlyCollection<IAggregateExpression> compiledExpressions)
    {
        if (!element.ResultType.IsAssignableFrom(typeof(int)))
        {
            throw new ArgumentException($"a count cannot be bound as {element.ResultType.Name}; use int.");
        }
    }

    public IAggregator Create(AggregationContext context) => new CountAggregator();

    private sealed class CountAggregator : IAggregator
    {
        private readonly HashSet<IFact> _facts = [];

        // Boxed once per change: NRules finds the previous result by (reference) identity.
        private object? _result;

        public IReadOnlyCollection<AggregationResult> Add(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> added)
        {
            _facts.UnionWith(added);
            return [Emit()];
        }

        public IReadOnlyCollection<AggregationResult> Modify(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> modified) =>
            [Emit()];

        public IReadOnlyCollection<AggregationResult> Remove(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> removed)
        {
            _facts.ExceptWith(removed);
            return [Emit()];
        }

        private AggregationResult Emit()
        {
            var previous = _result;
            _result = _facts.Count;
            return previous is null ? AggregationResult.Added(_result, _facts.ToArray()) : AggregationResult.Modified(_result, previous, _facts.ToArray());
        }
    }
}
