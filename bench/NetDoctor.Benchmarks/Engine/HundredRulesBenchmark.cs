using System.Linq.Expressions;
using BenchmarkDotNet.Attributes;
using NetDoctor.Engine;
using NetDoctor.Engine.RuleModel;

namespace NetDoctor.Benchmarks.Engine;

/// <summary>100 rules, each matching the facts of one group (item.Group == k), over 10k facts: 1M condition tests, 10k firings.</summary>
[EngineJob]
public class EngineHundredRulesBenchmark
{
    private ISessionFactory factory = null!;
    private object[] facts = [];

    [GlobalSetup]
    public void Setup()
    {
        factory = new RuleCompiler().Compile(Enumerable.Range(0, 100).Select(Rule));
        facts = [.. Enumerable.Range(0, 10_000).Select(i => new Item(i, i % 100, i))];
    }

    [Benchmark]
    public int InsertAndFire()
    {
        var session = factory.CreateSession();
        session.InsertAll(facts);
        return session.Fire(int.MaxValue);
    }

    // Built on the rule model directly, as the YAML front end does: the group number is a constant in each condition.
    private static RuleDefinition Rule(int k)
    {
        var item = Expression.Parameter(typeof(Item), "item");
        var condition = Expression.Lambda(Expression.Equal(Expression.Property(item, nameof(Item.Group)), Expression.Constant(k)), item);
        Expression<Action<IContext>> action = ctx => Sink.Hit();
        return new RuleDefinition(
            new RuleMetadata($"bench/group-{k}", $"group {k}"),
            new AndElement([new PatternElement(new Declaration("item", typeof(Item)), [condition])]),
            [new ActionElement(action)]);
    }
}
