using NetDoctor.Engine.Aggregators;
using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace NetDoctor.Engine.Tests;

public sealed class GuardRailTests
{
    [Theory, Engines]
    public void Runaway_cycle_is_stopped_by_the_budget_and_names_the_cycling_rules(EngineKind engine)
    {
        Counter c = null!;
        Pool pool = null!;
        var ping = TestRule.Create("loop/ping", (when, then) =>
        {
            when.Match(() => c, x => x.Value % 2 == 0);
            then.Do(ctx => Bump(ctx, c));
        });
        var pong = TestRule.Create("loop/pong", (when, then) =>
        {
            when.Match(() => c, x => x.Value % 2 == 1);
            then.Do(ctx => Bump(ctx, c));
        });
        var once = TestRule.Create("once", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => ctx.Insert(new Derived(pool.Name)));
        });
        var s = Engine.Session(engine, ping, pong, once);
        s.Insert(new Pool("a"));
        s.Insert(new Counter("c"));
        var error = Should.Throw<RunawayRulesException>(() => s.Fire(500));
        error.RuleIds.ShouldBe(["loop/ping", "loop/pong"], ignoreOrder: true);
        error.Budget.ShouldBe(500);
        error.Message.ShouldContain("loop/ping");
    }

    [Theory, Engines]
    public void Default_budget_applies_when_none_is_given(EngineKind engine)
    {
        Counter c = null!;
        var rule = TestRule.Create("self-update", (when, then) =>
        {
            when.Match(() => c);
            then.Do(ctx => Bump(ctx, c));
        });
        var s = Engine.Session(engine, rule);
        var reported = new List<RuleEngineException>();
        s.Events.Error += (_, e) => reported.Add(e.Exception);
        s.Insert(new Counter("c"));
        var error = Should.Throw<RunawayRulesException>(() => s.Fire());
        error.RuleIds.ShouldBe(["self-update"]);
        s.FiringCounts["self-update"].ShouldBe(RuleCompiler.DefaultFiringBudget);
        reported.ShouldBe([error]);
    }

    [Theory, Engines]
    public void Action_exception_carries_rule_id_and_bound_facts(EngineKind engine)
    {
        Pool pool = null!;
        var rule = TestRule.Create("broken/action", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => Fail(pool));
        });
        var s = Engine.Session(engine, rule);
        RuleEngineException? reported = null;
        s.Events.Error += (_, e) => reported = e.Exception;
        s.Insert(new Pool("p1"));
        s.Fire().ShouldBe(1);
        var failure = s.RuleFailures.ShouldHaveSingleItem();
        failure.RuleId.ShouldBe("broken/action");
        failure.Stage.ShouldBe(RuleFailureStage.Action);
        failure.Facts.Single().Value.ShouldBe(new Pool("p1"));
        failure.Cause.ShouldBeOfType<ArgumentException>();
        failure.Message.ShouldContain("broken/action");
        failure.Message.ShouldContain("p1");
        var error = reported.ShouldBeOfType<RuleActionException>();
        error.RuleId.ShouldBe("broken/action");
        error.InnerException.ShouldBeSameAs(failure.Cause);
    }

    [Theory, Engines]
    public void Condition_exception_carries_rule_id_and_facts(EngineKind engine)
    {
        Pool pool = null!;
        Address addr = null!;
        var rule = TestRule.Create("broken/condition", (when, then) =>
        {
            when.Match(() => pool).Match(() => addr, a => a.Host / (pool.Size - pool.Size) > 0);
            then.Do(ctx => ctx.Halt());
        });
        var s = Engine.Session(engine, rule);
        s.Insert(new Pool("p1"));
        s.Insert(new Address("p1", 4));
        var failure = s.RuleFailures.ShouldHaveSingleItem();
        failure.RuleId.ShouldBe("broken/condition");
        failure.Stage.ShouldBe(RuleFailureStage.Condition);
        failure.Facts.Select(f => f.Declaration.Name).ShouldBe(["pool", "addr"]);
        failure.Message.ShouldContain("p1");
        failure.Cause.ShouldBeOfType<DivideByZeroException>();
    }

    [Theory, Engines]
    public void Alpha_condition_exception_names_the_rule(EngineKind engine)
    {
        Pool pool = null!;
        var rule = TestRule.Create("broken/alpha", (when, then) =>
        {
            when.Match(() => pool, p => p.Name.Length > 0);
            then.Do(ctx => ctx.Halt());
        });
        var s = Engine.Session(engine, rule);
        s.Insert(new Pool(null!));
        s.RuleFailures.ShouldHaveSingleItem().RuleId.ShouldBe("broken/alpha");
        s.Fire().ShouldBe(0);
    }

    [Theory, Engines]
    public void Condition_on_an_aggregate_that_throws_before_any_fact_fails_the_rule_at_session_creation(EngineKind engine)
    {
        int n = 0;
        var rule = TestRule.Create("broken/count", (when, then) =>
        {
            when.Query(() => n, q => q.Match<Pool>().Count().Where(c => 10 / c > 0));
            then.Do(ctx => ctx.Halt());
        });
        var factory = Engine.Factory(engine, rule);
        var s = factory.CreateSession();
        var failure = s.RuleFailures.ShouldHaveSingleItem();
        failure.RuleId.ShouldBe("broken/count");
        failure.Cause.ShouldBeOfType<DivideByZeroException>();
        s.Insert(new Pool("p"));
        s.Fire().ShouldBe(0);
    }

    [Theory, Engines]
    public void Group_key_selector_that_throws_names_the_rule_and_the_fact(EngineKind engine)
    {
        IGrouping<int, Pool> group = null!;
        var rule = TestRule.Create("broken/key", (when, then) =>
        {
            when.Query(() => group, q => q.Match<Pool>().GroupBy(p => p.Name.Length));
            then.Do(ctx => ctx.Halt());
        });
        var s = Engine.Session(engine, rule);
        s.Insert(new Pool("fine"));
        s.Insert(new Pool(null!, 7));
        var failure = s.RuleFailures.ShouldHaveSingleItem();
        failure.RuleId.ShouldBe("broken/key");
        failure.Facts.Select(f => f.Value).ShouldContain(new Pool(null!, 7));
        failure.Cause.ShouldBeOfType<NullReferenceException>();
        s.Fire().ShouldBe(0);
    }

    private static void Bump(IContext ctx, Counter c)
    {
        c.Value++;
        ctx.Update(c);
    }

    private static void Fail(Pool pool) => throw new ArgumentException("bad pool " + pool.Name);
}
