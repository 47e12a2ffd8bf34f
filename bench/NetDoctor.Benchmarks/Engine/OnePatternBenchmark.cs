using BenchmarkDotNet.Attributes;
using NetDoctor.Engine;
using NetDoctor.Engine.Fluent;

namespace NetDoctor.Benchmarks.Engine;

/// <summary>One rule, one pattern with a condition every fact passes: insert N facts and fire N activations.</summary>
[EngineJob]
public class EngineOnePatternBenchmark
{
    private sealed class OnePattern : Rule
    {
        public override void Define()
        {
            Item item = null!;
            When().Match(() => item, i => i.Value >= 0);
            Then().Do(ctx => Sink.Hit());
        }
    }

    private ISessionFactory factory = null!;
    private object[] facts = [];

    [Params(10_000, 100_000)]
    public int Facts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        factory = new RuleCompiler().Compile([new OnePattern().GetDefinition()]);
        facts = [.. Enumerable.Range(0, Facts).Select(i => new Item(i, i % 100, i))];
    }

    [Benchmark]
    public int InsertAndFire()
    {
        var session = factory.CreateSession();
        session.InsertAll(facts);
        return session.Fire(int.MaxValue);
    }
}
