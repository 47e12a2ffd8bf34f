using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace NetDoctor.Benchmarks.Engine;

/// <summary>100 rules, each matching the facts of one group (item.Group == k), over 10k facts: 1M condition tests, 10k firings.</summary>
[EngineJob]
public class EngineHundredRulesBenchmark : PairedEngineBenchmark
{
    protected override IReadOnlyList<IRuleDefinition> Rules() => [.. Enumerable.Range(0, 100).Select(Rule)];

    protected override object[] Facts() => [.. Enumerable.Range(0, 10_000).Select(i => new Item(i, i % 100, i))];

    protected override int ExpectedFirings => 10_000;

    // Built with NRules' RuleBuilder, as the YAML front end does, so the group number is a constant in each condition
    // (a Fluent rule would read it from a closure field, which is not the shape YAML packs produce).
    private static IRuleDefinition Rule(int k)
    {
        var builder = new RuleBuilder();
        builder.Name($"bench/group-{k}");
        var item = Expression.Parameter(typeof(Item), "item");
        builder.LeftHandSide().Pattern(typeof(Item), item.Name)
            .Condition(Expression.Lambda(Expression.Equal(Expression.Property(item, nameof(Item.Group)), Expression.Constant(k)), item));
        Expression<Action<IContext>> action = ctx => Sink.Hit();
        builder.RightHandSide().Action(action);
        return builder.Build();
    }
}
