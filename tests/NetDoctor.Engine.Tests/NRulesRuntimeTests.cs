using NRules.Fluent.Dsl;

namespace NetDoctor.Engine.Tests;

/// <summary>Where NRules.Runtime's semantics differ from the indexed runtime's, and how the adapter reports it.</summary>
public sealed class NRulesRuntimeTests
{
    [Fact]
    public void A_linked_fact_can_only_be_changed_by_the_match_that_links_it()
    {
        Counter c = null!;
        var rule = TestRule.Create("derive", (when, then) =>
        {
            when.Match(() => c);
            then.Yield(ctx => new Derived(c.Name));
        });
        var s = Engine.Session(EngineKind.NRules, rule);
        s.Insert(new Counter("a"));
        s.Fire();
        var derived = s.Query<Derived>().Single();
        Should.Throw<InvalidOperationException>(() => s.Retract(derived)).Message.ShouldContain("'derive'");
        Should.Throw<InvalidOperationException>(() => s.TryRetract(derived));
        Should.Throw<InvalidOperationException>(() => s.Update(derived)).Message.ShouldContain("linked");
        s.Query<Derived>().Single().ShouldBeSameAs(derived);
    }

    [Name("nrules/filtered")]
    public sealed class FilteredRule : Rule
    {
        public override void Define()
        {
            Pool pool = null!;
            When().Match(() => pool);
            Filter().Where(() => 10 / pool.Size > 0);
            Then().Do(ctx => ctx.Insert(new Derived(pool.Name)));
        }
    }

    [Fact]
    public void An_agenda_filter_that_throws_is_a_condition_error_of_its_rule()
    {
        var s = Engine.Session(EngineKind.NRules, new FilteredRule());
        s.Insert(new Pool("big", 5));
        s.Insert(new Pool("empty", 0));
        var failure = s.RuleFailures.ShouldHaveSingleItem();
        failure.RuleId.ShouldBe("nrules/filtered");
        failure.Facts.Single().Value.ShouldBe(new Pool("empty", 0));
        failure.Cause.ShouldBeOfType<DivideByZeroException>();
    }

    [Fact]
    public void Runaway_is_stopped_within_seconds_at_the_default_budget()
    {
        Counter c = null!;
        var rule = TestRule.Create("spin", (when, then) =>
        {
            when.Match(() => c);
            then.Do(ctx => Bump(ctx, c));
        });
        var s = Engine.Session(EngineKind.NRules, rule);
        s.Insert(new Counter("c"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Should.Throw<RunawayRulesException>(() => s.Fire()).RuleIds.ShouldBe(["spin"]);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    private static void Bump(NRules.RuleModel.IContext ctx, Counter c)
    {
        c.Value++;
        ctx.Update(c);
    }
}
