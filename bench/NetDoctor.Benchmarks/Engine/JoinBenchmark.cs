using BenchmarkDotNet.Attributes;
using NetDoctor.Engine;
using NetDoctor.Engine.Fluent;

namespace NetDoctor.Benchmarks.Engine;

/// <summary>Two patterns joined on equality (child.ParentId == parent.Id): 10k x 10k facts, 10k matches.</summary>
[EngineJob]
public class EngineJoinBenchmark
{
    private sealed class ParentChild : Rule
    {
        public override void Define()
        {
            Parent parent = null!;
            Child child = null!;
            When().Match(() => parent).Match(() => child, c => c.ParentId == parent.Id);
            Then().Do(ctx => Sink.Hit());
        }
    }

    private ISessionFactory factory = null!;
    private object[] facts = [];

    [GlobalSetup]
    public void Setup()
    {
        factory = new RuleCompiler().Compile([new ParentChild().GetDefinition()]);
        const int n = 10_000;
        facts = [.. Enumerable.Range(0, n).Select(i => (object)new Parent(i)), .. Enumerable.Range(0, n).Select(i => new Child(i, n - 1 - i))];
    }

    [Benchmark]
    public int InsertAndFire()
    {
        var session = factory.CreateSession();
        session.InsertAll(facts);
        return session.Fire(int.MaxValue);
    }
}
