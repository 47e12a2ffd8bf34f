using BenchmarkDotNet.Attributes;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace NetDoctor.Benchmarks.Engine;

/// <summary>One rule, one pattern with a condition every fact passes: insert N facts and fire N activations.</summary>
[EngineJob]
public class EngineOnePatternBenchmark : PairedEngineBenchmark
{
    [Name("bench/one-pattern")]
    public sealed class OnePattern : Rule
    {
        public override void Define()
        {
            Item item = null!;
            When().Match(() => item, i => i.Value >= 0);
            Then().Do(ctx => Sink.Hit());
        }
    }

    [Params(10_000, 100_000)]
    public int FactCount { get; set; }

    protected override IReadOnlyList<IRuleDefinition> Rules() => [new RuleDefinitionFactory().Create(new OnePattern())];

    protected override object[] Facts() => [.. Enumerable.Range(0, FactCount).Select(i => new Item(i, i % 100, i))];

    protected override int ExpectedFirings => FactCount;
}
