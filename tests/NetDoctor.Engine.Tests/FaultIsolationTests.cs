namespace NetDoctor.Engine.Tests;

/// <summary>
/// One failing rule never costs the others (issue 13, item 8): a condition or action that throws is recorded once, the
/// rule is disabled, its pending activations go, what it derived is retracted (with what other rules derived from that),
/// and every other rule goes on — the same on both runtimes.
/// </summary>
public sealed class FaultIsolationTests
{
    [Theory, Engines]
    public void A_condition_throwing_on_one_fact_fails_only_its_rule_once_with_that_fact(EngineKind engine)
    {
        Pool pool = null!;
        Pool other = null!;
        var broken = TestRule.Create("fault/divide", (when, then) =>
        {
            when.Match(() => pool, p => 100 / p.Size > 1);
            then.Yield(ctx => new Derived("broken " + pool.Name));
        });
        var healthy = TestRule.Create("fault/healthy", (when, then) =>
        {
            when.Match(() => other, p => p.Enabled);
            then.Yield(ctx => new Level2("ok " + other.Name));
        });
        var s = Engine.Session(engine, broken, healthy);
        var errors = new List<RuleEngineException>();
        s.Events.Error += (_, e) => errors.Add(e.Exception);

        s.InsertAll([new Pool("a", 10), new Pool("zero", 0), new Pool("b", 20), new Pool("zero-again", 0)]);
        s.Fire();

        var failure = s.RuleFailures.ShouldHaveSingleItem();
        failure.RuleId.ShouldBe("fault/divide");
        failure.Stage.ShouldBe(RuleFailureStage.Condition);
        failure.Facts.ShouldHaveSingleItem().Value.ShouldBe(new Pool("zero", 0));
        failure.Cause.ShouldBeOfType<DivideByZeroException>();
        failure.Message.ShouldBe("rule 'fault/divide' failed in a condition on [pool: Pool { Name = zero, Size = 0, Enabled = True }]: Attempted to divide by zero.");
        errors.ShouldHaveSingleItem().ShouldBeOfType<RuleConditionException>().RuleId.ShouldBe("fault/divide");
        s.Query<Derived>().ShouldBeEmpty();
        s.Query<Level2>().Select(l => l.Text).ShouldBe(["ok a", "ok zero", "ok b", "ok zero-again"], ignoreOrder: true);
    }

    [Theory, Engines]
    public void What_a_failed_rule_derived_is_retracted_with_its_dependants(EngineKind engine)
    {
        Pool pool = null!;
        Address addr = null!;
        Derived derived = null!;
        Pool any = null!;
        var joins = TestRule.Create("fault/join", (when, then) =>
        {
            when.Match(() => pool)
                .Match(() => addr, a => a.Pool == pool.Name, a => 10 / a.Host > 0);
            then.Yield(ctx => new Derived($"{pool.Name}.{addr.Host}"));
        });
        var dependant = TestRule.Create("fault/dependant", (when, then) =>
        {
            when.Match(() => derived);
            then.Yield(ctx => new Level2("from " + derived.Text));
        });
        var independent = TestRule.Create("fault/independent", (when, then) =>
        {
            when.Match(() => any);
            then.Yield(ctx => new Level3("pool " + any.Name));
        });
        var s = Engine.Session(engine, joins, dependant, independent);
        s.InsertAll([new Pool("p"), new Address("p", 1), new Address("p", 2)]);
        s.Fire();
        s.Query<Derived>().Count().ShouldBe(2);
        s.Query<Level2>().Count().ShouldBe(2);

        s.Insert(new Address("p", 0));
        s.Fire();

        var failure = s.RuleFailures.ShouldHaveSingleItem();
        failure.RuleId.ShouldBe("fault/join");
        failure.Facts.ShouldHaveSingleItem().Value.ShouldBe(new Address("p", 0));
        s.Query<Derived>().ShouldBeEmpty();
        s.Query<Level2>().ShouldBeEmpty();
        s.Query<Level3>().Select(l => l.Text).ShouldBe(["pool p"]);

        // Disabled for the rest of the session: a fact it would have matched changes nothing and fails nothing more.
        s.InsertAll([new Pool("q"), new Address("q", 5), new Address("q", 0)]);
        s.Fire();
        s.Query<Derived>().ShouldBeEmpty();
        s.Query<Level3>().Count().ShouldBe(2);
        s.RuleFailures.Count.ShouldBe(1);
    }

    [Theory, Engines]
    public void An_action_failure_removes_the_rules_pending_activations_and_its_earlier_results(EngineKind engine)
    {
        Pool pool = null!;
        Pool any = null!;
        var throwing = TestRule.Create("fault/action", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => Check(pool)).Yield(ctx => new Derived(pool.Name));
        }, priority: 10);
        var other = TestRule.Create("fault/other", (when, then) =>
        {
            when.Match(() => any);
            then.Yield(ctx => new Level2(any.Name));
        });
        var s = Engine.Session(engine, throwing, other);
        s.InsertAll([new Pool("fine"), new Pool("bad"), new Pool("never")]);
        var firings = new List<string>();
        s.Events.RuleFiring += (_, e) => firings.Add($"{e.Rule.Name} {((Pool)e.Facts[0].Value).Name}");

        s.Fire();

        firings.Where(f => f.StartsWith("fault/action", StringComparison.Ordinal)).ShouldBe(["fault/action fine", "fault/action bad"]);
        var failure = s.RuleFailures.ShouldHaveSingleItem();
        failure.Stage.ShouldBe(RuleFailureStage.Action);
        failure.Facts.Single().Value.ShouldBe(new Pool("bad"));
        failure.Cause.Message.ShouldBe("bad pool");
        s.Query<Derived>().ShouldBeEmpty();
        s.Query<Level2>().Select(l => l.Name()).ShouldBe(["fine", "bad", "never"], ignoreOrder: true);
    }

    [Theory, Engines]
    public void A_shared_condition_that_throws_fails_every_rule_using_it(EngineKind engine)
    {
        Pool first = null!;
        Pool second = null!;
        Pool third = null!;
        var a = TestRule.Create("fault/shared-a", (when, then) =>
        {
            when.Match(() => first, p => p.Name.Length > 0);
            then.Yield(ctx => new Derived("a " + first.Name));
        });
        var b = TestRule.Create("fault/shared-b", (when, then) =>
        {
            when.Match(() => second, p => p.Name.Length > 0);
            then.Yield(ctx => new Level2("b " + second.Name));
        });
        var c = TestRule.Create("fault/unshared", (when, then) =>
        {
            when.Match(() => third, p => p.Size >= 0);
            then.Yield(ctx => new Level3("c " + third.Size));
        });
        var s = Engine.Session(engine, a, b, c);
        s.InsertAll([new Pool("x"), new Pool(null!, 3)]);
        s.Fire();

        s.RuleFailures.Select(f => f.RuleId).ShouldBe(["fault/shared-a", "fault/shared-b"], ignoreOrder: true);
        s.RuleFailures.ShouldAllBe(f => ((Pool)f.Facts.Single().Value).Size == 3 && f.Cause is NullReferenceException);
        s.Query<Derived>().ShouldBeEmpty();
        s.Query<Level2>().ShouldBeEmpty();
        s.Query<Level3>().Count().ShouldBe(2);
    }

    [Theory, Engines]
    public void A_condition_failing_on_a_fact_an_action_inserted_disables_the_rule_during_firing(EngineKind engine)
    {
        Pool pool = null!;
        Derived derived = null!;
        var seed = TestRule.Create("fault/seed", (when, then) =>
        {
            when.Match(() => pool);
            then.Yield(ctx => new Derived(pool.Size == 0 ? null! : pool.Name));
        });
        var reader = TestRule.Create("fault/reader", (when, then) =>
        {
            when.Match(() => derived, d => d.Text.Length > 0);
            then.Yield(ctx => new Level2(derived.Text));
        });
        var s = Engine.Session(engine, seed, reader);
        s.InsertAll([new Pool("a", 1), new Pool("b", 0), new Pool("c", 2)]);
        s.Fire();

        var failure = s.RuleFailures.ShouldHaveSingleItem();
        failure.RuleId.ShouldBe("fault/reader");
        failure.Facts.Single().Value.ShouldBe(new Derived(null!));
        s.Query<Level2>().ShouldBeEmpty();
        s.Query<Derived>().Count().ShouldBe(3);
    }

    private static void Check(Pool pool)
    {
        if (pool.Name == "bad")
        {
            throw new InvalidOperationException("bad pool");
        }
    }
}

internal static class Level2Text
{
    public static string Name(this Level2 level) => level.Text;
}
