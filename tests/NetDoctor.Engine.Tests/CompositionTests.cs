using Microsoft.Extensions.DependencyInjection;
using NetDoctor.Engine.Composition;
using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace NetDoctor.Engine.Tests;

public sealed class CompositionTests
{
    public sealed class Threshold(int value)
    {
        public int Value { get; } = value;
    }

    private sealed class Source : IRuleSource
    {
        public IEnumerable<IRuleDefinition> GetRules()
        {
            Pool pool = null!;
            return Engine.Definitions(TestRule.Create("test/from-source", (when, then) =>
            {
                when.Match(() => pool, p => !p.Enabled);
                then.Yield(ctx => new Derived("disabled " + pool.Name));
            }));
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

        var big = factory.Rules.Single(r => r.Name == "test/big-pool");
        big.Title().ShouldBe("Pool is big");
        big.Severity().ShouldBe(RuleSeverity.Warning);
        big.Labels().ShouldBe(["a", "b"]);
        big.Priority.ShouldBe(3);
        factory.Rules.ShouldContain(r => r.Name == "test/from-source");
        factory.Rules.ShouldNotContain(r => r.Name.Contains("TestRule") || r.Name.Contains("JoinTests"), "nested rule classes are not scanned");

        var s = factory.CreateSession();
        s.InsertAll([new Pool("small", 5), new Pool("large", 50), new Pool("off", 1, Enabled: false)]);
        s.Fire();
        // The assembly also holds other tests' rule classes; look only at what these two rules derived.
        s.Query<Derived>().Where(d => s.Explain(d)!.Rule.Name.StartsWith("test/")).Select(d => d.Text).OrderBy(t => t)
            .ShouldBe(["big large", "disabled off"]);
    }

    [Fact]
    public void Registered_instances_and_definitions_add_up_across_calls()
    {
        Pool pool = null!;
        var first = TestRule.Create("test/one", (when, then) => { when.Match(() => pool); then.Do(ctx => ctx.Halt()); });
        var second = Engine.Definitions(TestRule.Create("test/two", (when, then) => { when.Match(() => pool); then.Do(ctx => ctx.Halt()); })).Single();
        var services = new ServiceCollection()
            .AddNetDoctorEngine(b => b.AddRule(first))
            .AddNetDoctorEngine(b => b.AddRule(second));
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<ISessionFactory>().Rules.Select(r => r.Name).ShouldBe(["test/one", "test/two"]);
    }

    [Theory, Engines]
    public void Factory_is_shared_safely_by_sessions_on_several_threads(EngineKind engine)
    {
        Pool pool = null!;
        Address addr = null!;
        var factory = Engine.Factory(engine, TestRule.Create("threads", (when, then) =>
        {
            when.Match(() => pool).Match(() => addr, a => a.Pool == pool.Name);
            then.Yield(ctx => new Overlap(pool, addr));
        }));
        factory.Engine.ShouldBe(engine);
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

/// <summary>
/// Top level and public: NRules' assembly scan (<c>AddRulesFrom</c>) finds only such rule classes, and constructs this one
/// through DI with its <see cref="CompositionTests.Threshold"/>.
/// </summary>
[Name("test/big-pool"), Description("Pool is big"), Tag("severity:warning"), Tag("a"), Tag("b"), Priority(3)]
public sealed class BigPoolRule(CompositionTests.Threshold threshold) : Rule
{
    public override void Define()
    {
        Pool pool = null!;
        var min = threshold.Value;
        When().Match(() => pool, p => p.Size > min);
        Then().Yield(ctx => new Derived("big " + pool.Name));
    }
}
