using BenchmarkDotNet.Attributes;
using NetDoctor.Engine;
using NetDoctor.Engine.Fluent;

namespace NetDoctor.Benchmarks.Engine;

/// <summary>Group-by 10k facts into 10k groups (one per Id): one firing per group.</summary>
[EngineJob]
public class EngineGroupByBenchmark
{
    private sealed class GroupById : Rule
    {
        public override void Define()
        {
            IGrouping<int, Item> group = null!;
            When().Query(() => group, q => q.Match<Item>().GroupBy(i => i.Id));
            Then().Do(ctx => Sink.Hit());
        }
    }

    private ISessionFactory factory = null!;
    private object[] facts = [];

    [GlobalSetup]
    public void Setup()
    {
        factory = new RuleCompiler().Compile([new GroupById().GetDefinition()]);
        facts = [.. Enumerable.Range(0, 10_000).Select(i => new Item(i, i % 100, i))];
    }

    [Benchmark]
    public int InsertAndFire()
    {
        var session = factory.CreateSession();
        session.InsertAll(facts);
        return session.Fire(int.MaxValue);
    }
}
