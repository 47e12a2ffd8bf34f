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
        private readonly HashSet<IFact> facts = [];

        // Boxed once per change: NRules finds the previous result by (reference) identity.
        private object? result;

        public IReadOnlyCollection<AggregationResult> Add(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> added)
        {
            facts.UnionWith(added);
            return [Emit()];
        }

        public IReadOnlyCollection<AggregationResult> Modify(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> modified) =>
            [Emit()];

        public IReadOnlyCollection<AggregationResult> Remove(AggregationContext context, ITuple tuple, IReadOnlyCollection<IFact> removed)
        {
            facts.ExceptWith(removed);
            return [Emit()];
        }

        private AggregationResult Emit()
        {
            var previous = result;
            result = facts.Count;
            return previous is null ? AggregationResult.Added(result, facts.ToArray()) : AggregationResult.Modified(result, previous, facts.ToArray());
        }
    }
}
