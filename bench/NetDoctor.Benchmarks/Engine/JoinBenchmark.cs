using NRules.Fluent;
using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace NetDoctor.Benchmarks.Engine;

/// <summary>
/// Two patterns joined on equality (child.ParentId == parent.Id): 10k x 10k facts, 10k matches. NRules tests every
/// pair (10^8 condition evaluations, about 2 s per operation), hence 1 warm-up and 3 iterations.
/// </summary>
[EngineJob(warmups: 1, iterations: 3)]
public class EngineJoinBenchmark : PairedEngineBenchmark
{
    private const int N = 10_000;

    [Name("bench/parent-child")]
    public sealed class ParentChild : Rule
    {
        public override void Define()
        {
            Parent parent = null!;
            Child child = null!;
            When().Match(() => parent).Match(() => child, c => c.ParentId == parent.Id);
            Then().Do(ctx => Sink.Hit());
        }
    }

    protected override IReadOnlyList<IRuleDefinition> Rules() => [new RuleDefinitionFactory().Create(new ParentChild())];

    protected override object[] Facts() =>
        [.. Enumerable.Range(0, N).Select(i => (object)new Parent(i)), .. Enumerable.Range(0, N).Select(i => new Child(i, N - 1 - i))];

    protected override int ExpectedFirings => N;
}
