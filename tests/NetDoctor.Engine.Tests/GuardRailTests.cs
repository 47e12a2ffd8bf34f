namespace NetDoctor.Engine.Tests;

public sealed class GuardRailTests
{
    [Fact]
    public void Runaway_cycle_is_stopped_by_the_budget_and_names_the_cycling_rules()
    {
        Counter c = null!;
        Pool pool = null!;
        var ping = new TestRule("loop/ping", (when, then) =>
        {
            when.Match(() => c, x => x.Value % 2 == 0);
            then.Do(ctx => Bump(ctx, c));
        });
        var pong = new TestRule("loop/pong", (when, then) =>
        {
            when.Match(() => c, x => x.Value % 2 == 1);
            then.Do(ctx => Bump(ctx, c));
        });
        var once = new TestRule("once", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => ctx.Insert(new Derived(pool.Name)));
        });
        var s = Engine.Session(ping, pong, once);
        s.Insert(new Pool("a"));
        s.Insert(new Counter("c"));
        var error = Should.Throw<RunawayRulesException>(() => s.Fire(500));
        error.RuleIds.ShouldBe(["loop/ping", "loop/pong"], ignoreOrder: true);
        error.Budget.ShouldBe(500);
        error.Message.ShouldContain("loop/ping");
    }

    [Fact]
    public void Default_budget_applies_when_none_is_given()
    {
        Counter c = null!;
        var rule = new TestRule("self-update", (when, then) =>
        {
            when.Match(() => c);
            then.Do(ctx => Bump(ctx, c));
        });
        var s = Engine.Session(rule);
        s.Insert(new Counter("c"));
        Should.Throw<RunawayRulesException>(() => s.Fire()).RuleIds.ShouldBe(["self-update"]);
        s.FiringCounts["self-update"].ShouldBe(RuleCompiler.DefaultFiringBudget);
    }

    [Fact]
    public void Action_exception_carries_rule_id_and_bound_facts()
    {
        Pool pool = null!;
        var rule = new TestRule("broken/action", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => Fail(pool));
        });
        var s = Engine.Session(rule);
        RuleEngineException? reported = null;
        s.Events.Error += (_, e) => reported = e.Exception;
        s.Insert(new Pool("p1"));
        var error = Should.Throw<RuleActionException>(() => s.Fire());
        error.RuleId.ShouldBe("broken/action");
        error.Facts.Single().Value.ShouldBe(new Pool("p1"));
        error.InnerException.ShouldBeOfType<ArgumentException>();
        error.Message.ShouldContain("broken/action");
        error.Message.ShouldContain("p1");
        reported.ShouldBeSameAs(error);
    }

    [Fact]
    public void Condition_exception_carries_rule_id_and_facts()
    {
        Pool pool = null!;
        Address addr = null!;
        var rule = new TestRule("broken/condition", (when, then) =>
        {
            when.Match(() => pool).Match(() => addr, a => a.Host / (pool.Size - pool.Size) > 0);
            then.Do(ctx => ctx.Halt());
        });
        var s = Engine.Session(rule);
        s.Insert(new Pool("p1"));
        var error = Should.Throw<RuleConditionException>(() => s.Insert(new Address("p1", 4)));
        error.RuleId.ShouldBe("broken/condition");
        error.Facts.Select(f => f.Declaration.Name).ShouldBe(["pool", "addr"]);
        error.Message.ShouldContain("p1");
        error.InnerException.ShouldBeOfType<DivideByZeroException>();
    }

    [Fact]
    public void Alpha_condition_exception_names_the_rule()
    {
        Pool pool = null!;
        var rule = new TestRule("broken/alpha", (when, then) =>
        {
            when.Match(() => pool, p => p.Name.Length > 0);
            then.Do(ctx => ctx.Halt());
        });
        var s = Engine.Session(rule);
        var error = Should.Throw<RuleConditionException>(() => s.Insert(new Pool(null!)));
        error.RuleId.ShouldBe("broken/alpha");
    }

    private static void Bump(IContext ctx, Counter c)
    {
        c.Value++;
        ctx.Update(c);
    }

    private static void Fail(Pool pool) => throw new ArgumentException("bad pool " + pool.Name);
}
