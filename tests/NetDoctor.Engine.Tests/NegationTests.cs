namespace NetDoctor.Engine.Tests;

public sealed class NegationTests
{
    [Fact]
    public void Not_turns_on_and_off_as_blocking_facts_come_and_go()
    {
        Pool pool = null!;
        var rule = new TestRule("no-address", (when, then) =>
        {
            when.Match(() => pool).Not<Address>(a => a.Pool == pool.Name);
            then.Yield(ctx => new Derived(pool.Name));
        });
        var s = Engine.Session(rule);
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

    [Fact]
    public void Not_as_first_element_holds_on_an_empty_session()
    {
        var rule = new TestRule("no-pools", (when, then) =>
        {
            when.Not<Pool>();
            then.Yield(ctx => new Derived("none"));
        });
        var s = Engine.Session(rule);
        s.Fire().ShouldBe(1);
        var p = new Pool("a");
        s.Insert(p);
        s.Query<Derived>().ShouldBeEmpty();
        s.Retract(p);
        s.Fire().ShouldBe(1);
    }

    [Fact]
    public void Exists_fires_once_however_many_facts_match()
    {
        Pool pool = null!;
        var rule = new TestRule("has-address", (when, then) =>
        {
            when.Match(() => pool).Exists<Address>(a => a.Pool == pool.Name);
            then.Yield(ctx => new Derived(pool.Name));
        });
        var s = Engine.Session(rule);
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

    [Fact]
    public void Forall_holds_until_a_base_fact_fails_the_other_conditions()
    {
        var rule = new TestRule("all-enabled", (when, then) =>
        {
            when.All<Pool>(p => p.Size > 0, p => p.Enabled);
            then.Yield(ctx => new Derived("all sized pools enabled"));
        });
        var s = Engine.Session(rule);
        s.Fire().ShouldBe(1);
        s.Insert(new Pool("a", 4));
        s.Insert(new Pool("b", 0, Enabled: false));
        s.Fire().ShouldBe(0);
        s.Query<Derived>().Count().ShouldBe(1);
        var bad = new Pool("c", 8, Enabled: false);
        s.Insert(bad);
        s.Query<Derived>().ShouldBeEmpty();
        s.Retract(bad);
        s.Fire().ShouldBe(1);
    }
}
