using Microsoft.Extensions.DependencyInjection;
using NetDoctor.Engine.Composition;
using NetDoctor.Engine.Fluent;
using NetDoctor.Engine.RuleModel;

namespace NetDoctor.Engine.Tests;

public sealed class CompositionTests
{
    public sealed class Threshold(int value)
    {
        public int Value { get; } = value;
    }

    [RuleId("test/big-pool"), Title("Pool is big"), Severity(RuleSeverity.Warning), Tags("a", "b"), Priority(3)]
    public sealed class BigPoolRule(Threshold threshold) : Rule
    {
        public override void Define()
        {
            Pool pool = null!;
            var min = threshold.Value;
            When().Match(() => pool, p => p.Size > min);
            Then().Yield(ctx => new Derived("big " + pool.Name));
        }
    }

    private sealed class Source : IRuleSource
    {
        public IEnumerable<RuleDefinition> GetRules()
        {
            Pool pool = null!;
            yield return new TestRule("test/from-source", (when, then) =>
            {
                when.Match(() => pool, p => !p.Enabled);
                then.Yield(ctx => new Derived("disabled " + pool.Name));
            }).GetDefinition();
        }
    }

    [Fact]
    public void Rules_from_assemblies_are_built_with_constructor_services_and_attributes()
    {
        var services = new ServiceCollection()
            .AddSingleton(new Threshold(10))
            .AddSingleton<IRuleSource, Source>()
            .AddNetDoctorEngine(b => b.AddRulesFrom(typeof(CompositionTests).Assembly));
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ISessionFactory>();
        provider.GetRequiredService<ISessionFactory>().ShouldBeSameAs(factory);

        var big = factory.Rules.Single(r => r.Id == "test/big-pool");
        big.Metadata.ShouldBe(new RuleMetadata("test/big-pool", "Pool is big", RuleSeverity.Warning, ["a", "b"], 3) { Tags = big.Metadata.Tags });
        big.Metadata.Tags.ShouldBe(["a", "b"]);
        factory.Rules.ShouldContain(r => r.Id == "test/from-source");
        factory.Rules.ShouldNotContain(r => r.Id.StartsWith("TestRule"));

        var s = factory.CreateSession();
        s.InsertAll([new Pool("small", 5), new Pool("large", 50), new Pool("off", 1, Enabled: false)]);
        s.Fire();
        // The assembly also holds other tests' rule classes; look only at what these two rules derived.
        s.Query<Derived>().Where(d => s.Explain(d)!.Rule.Id.StartsWith("test/")).Select(d => d.Text).OrderBy(t => t)
            .ShouldBe(["big large", "disabled off"]);
    }

    [Fact]
    public void Registered_instances_and_definitions_add_up_across_calls()
    {
        Pool pool = null!;
        var first = new TestRule("test/one", (when, then) => { when.Match(() => pool); then.Do(ctx => ctx.Halt()); });
        var second = new TestRule("test/two", (when, then) => { when.Match(() => pool); then.Do(ctx => ctx.Halt()); }).GetDefinition();
        var services = new ServiceCollection()
            .AddNetDoctorEngine(b => b.AddRule(first))
            .AddNetDoctorEngine(b => b.AddRule(second));
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<ISessionFactory>().Rules.Select(r => r.Id).ShouldBe(["test/one", "test/two"]);
    }

    [Fact]
    public void Factory_is_shared_safely_by_sessions_on_several_threads()
    {
        Pool pool = null!;
        Address addr = null!;
        var factory = Engine.Factory(new TestRule("threads", (when, then) =>
        {
            when.Match(() => pool).Match(() => addr, a => a.Pool == pool.Name);
            then.Yield(ctx => new Overlap(pool, addr));
        }));
        var counts = new int[8];
        Parallel.For(0, counts.Length, i =>
        {
            var s = factory.CreateSession();
            s.InsertAll(Enumerable.Range(0, 200).SelectMany(j => new object[] { new Pool($"p{j}"), new Address($"p{j}", i) }));
            s.Fire();
            counts[i] = s.Query<Overlap>().Count();
        });
        counts.ShouldAllBe(c => c == 200);
    }
}
