namespace NetDoctor.Engine.Tests;

public sealed class NegationTests
{
    [Theory, Engines]
    public void Not_turns_on_and_off_as_blocking_facts_come_and_go(EngineKind engine)
    {
        Pool pool = null!;
        var rule = TestRule.Create("no-address", (when, then) =>
        {
            when.Match(() => pool).Not<Address>(a => a.Pool == pool.Name);
            then.Yield(ctx => new Derived(pool.Name));
        });
        var s = Engine.Session(engine, rule);
        s.Insert(new Pool("a"));
        s.Fire().ShouldBe(1);
        s.Query<Derived>().Count().ShouldBe(1);

        var blocker = new Address("a", 1);
        s.Insert(blocker);
        s.Query<Derived>().ShouldBeEmpty();
        var second = new Address("a", 2);
        s.Insert(second);
        s.Retract(blocker);
        s.Fire().ShouldBe(0);
        s.Query<Derived>().ShouldBeEmpty();

        s.Retract(second);
        s.Fire().ShouldBe(1);
        s.Query<Derived>().Single().Text.ShouldBe("a");
    }

    [Theory, Engines]
    public void Not_as_first_element_holds_on_an_empty_session(EngineKind engine)
    {
        var rule = TestRule.Create("no-pools", (when, then) =>
        {
            when.Not<Pool>();
            then.Yield(ctx => new Derived("none"));
        });
        var s = Engine.Session(engine, rule);
        s.Fire().ShouldBe(1);
        var p = new Pool("a");
        s.Insert(p);
        s.Query<Derived>().ShouldBeEmpty();
        s.Retract(p);
        s.Fire().ShouldBe(1);
    }

    [Theory, Engines]
    public void Exists_fires_once_however_many_facts_match(EngineKind engine)
    {
        Pool pool = null!;
        var rule = TestRule.Create("has-address", (when, then) =>
        {
            when.Match(() => pool).Exists<Address>(a => a.Pool == pool.Name);
            then.Yield(ctx => new Derived(pool.Name));
        });
        var s = Engine.Session(engine, rule);
        s.Insert(new Pool("a"));
        s.Fire().ShouldBe(0);
        var a1 = new Address("a", 1);
        var a2 = new Address("a", 2);
        s.InsertAll([a1, a2, new Address("b", 1)]);
        s.Fire().ShouldBe(1);
        s.Retract(a1);
        s.Fire().ShouldBe(0);
        s.Query<Derived>().Count().ShouldBe(1);
        s.Retract(a2);
        s.Query<Derived>().ShouldBeEmpty();
        s.Insert(new Address("a", 3));
        s.Fire().ShouldBe(1);
    }

    [Theory, Engines]
    public void Forall_holds_until_a_base_fact_fails_the_other_conditions(EngineKind engine)
    {
        var rule = TestRule.Create("all-enabled", (when, then) =>
        {
            when.All<Pool>(p => p.Size > 0, p => p.Enabled);
            then.Yield(ctx => new Derived("all sized pools enabled"));
        });
        var s = Engine.Session(engine, rule);
        s.Fire().ShouldBe(1);
        s.Insert(new Pool("a", 4));
        s.Insert(new Pool("b", 0, Enabled: false));
        // NRules runs forall as not(base and not(conditions)): while a base fact that satisfies the conditions propagates,
        // the counterexample exists for a moment, so the match is deleted and created again, and fires again.
        s.Fire().ShouldBe(engine == EngineKind.Indexed ? 0 : 1);
        s.Query<Derived>().Count().ShouldBe(1);
        var bad = new Pool("c", 8, Enabled: false);
        s.Insert(bad);
        s.Query<Derived>().ShouldBeEmpty();
        s.Retract(bad);
        s.Fire().ShouldBe(1);
    }
}
