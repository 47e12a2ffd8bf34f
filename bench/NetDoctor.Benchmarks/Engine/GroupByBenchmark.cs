using NRules.Fluent;
using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace NetDoctor.Benchmarks.Engine;

/// <summary>Group-by 10k facts into 10k groups (one per Id): one firing per group.</summary>
[EngineJob]
public class EngineGroupByBenchmark : PairedEngineBenchmark
{
    private const int N = 10_000;

    [Name("bench/group-by-id")]
    public sealed class GroupById : Rule
    {
        public override void Define()
        {
            IGrouping<int, Item> group = null!;
            When().Query(() => group, q => q.Match<Item>().GroupBy(i => i.Id));
            Then().Do(ctx => Sink.Hit());
        }
    }

    protected override IReadOnlyList<IRuleDefinition> Rules() => [new RuleDefinitionFactory().Create(new GroupById())];

    protected override object[] Facts() => [.. Enumerable.Range(0, N).Select(i => new Item(i, i % 100, i))];

    protected override int ExpectedFirings => N;
}
