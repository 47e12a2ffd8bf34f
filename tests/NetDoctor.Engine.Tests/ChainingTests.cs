namespace NetDoctor.Engine.Tests;

public sealed class ChainingTests
{
    // Pool -> Derived -> Level2 -> Level3, each step InsertLinked.
    private static (TestRule, TestRule, TestRule) Chain()
    {
        Pool pool = null!;
        Derived d = null!;
        Level2 l2 = null!;
        var r1 = new TestRule("level1", (when, then) =>
        {
            when.Match(() => pool, p => p.Enabled);
            then.Yield(ctx => new Derived(pool.Name + ":" + pool.Size));
        });
        var r2 = new TestRule("level2", (when, then) =>
        {
            when.Match(() => d);
            then.Yield(ctx => new Level2(d.Text + ">2"));
        });
        var r3 = new TestRule("level3", (when, then) =>
        {
            when.Match(() => l2);
            then.Yield(ctx => new Level3(l2.Text + ">3"));
        });
        return (r1, r2, r3);
    }

    [Fact]
    public void Facts_derived_over_three_levels_and_retracted_in_cascade()
    {
        var (r1, r2, r3) = Chain();
        var s = Engine.Session(r1, r2, r3);
        var pool = new Pool("a", 1);
        s.Insert(pool);
        s.Fire().ShouldBe(3);
        s.Query<Level3>().Single().Text.ShouldBe("a:1>2>3");

        s.Retract(pool);
        s.Query<Derived>().ShouldBeEmpty();
        s.Query<Level2>().ShouldBeEmpty();
        s.Query<Level3>().ShouldBeEmpty();
    }

    [Fact]
    public void Linked_fact_rederived_by_a_changed_match_is_replaced_not_duplicated()
    {
        var (r1, r2, r3) = Chain();
        var s = Engine.Session(r1, r2, r3);
        var counter = new Counter("x");
        Counter c = null!;
        var fromCounter = new TestRule("from-counter", (when, then) =>
        {
            when.Match(() => c);
            then.Yield(ctx => new Derived($"{c.Name}={c.Value}"));
        });
        s = Engine.Session(fromCounter, r2, r3);
        s.Insert(counter);
        s.Fire().ShouldBe(3);
        var firstLevel3 = s.Query<Level3>().Single();

        counter.Value = 7;
        s.Update(counter);
        s.Fire().ShouldBe(3);
        s.Query<Derived>().Single().Text.ShouldBe("x=7");
        s.Query<Level2>().Single().Text.ShouldBe("x=7>2");
        s.Query<Level3>().Single().Text.ShouldBe("x=7>2>3");
        s.Query<Level3>().Single().ShouldNotBeSameAs(firstLevel3);
    }

    [Fact]
    public void Derived_fact_disappears_when_a_condition_stops_holding_after_update()
    {
        var (r1, r2, r3) = Chain();
        var s = Engine.Session(r1, r2, r3);
        var counter = new Counter("y");
        Counter c = null!;
        var positive = new TestRule("positive", (when, then) =>
        {
            when.Match(() => c, x => x.Value > 0);
            then.Yield(ctx => new Derived(c.Name));
        });
        s = Engine.Session(positive, r2, r3);
        s.Insert(counter);
        s.Fire().ShouldBe(0);
        counter.Value = 1;
        s.Update(counter);
        s.Fire().ShouldBe(3);
        counter.Value = 0;
        s.Update(counter);
        s.Query<Level3>().ShouldBeEmpty();
        s.Query<Derived>().ShouldBeEmpty();
    }

    [Fact]
    public void Plain_insert_from_an_action_survives_its_match()
    {
        Pool pool = null!;
        var rule = new TestRule("plain", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => ctx.Insert(new Derived(pool.Name)));
        });
        var s = Engine.Session(rule);
        var p = new Pool("a");
        s.Insert(p);
        s.Fire();
        s.Retract(p);
        s.Query<Derived>().Single().Text.ShouldBe("a");
    }

    [Fact]
    public void Linked_facts_not_produced_again_are_retracted_on_refire()
    {
        Counter c = null!;
        var rule = new TestRule("conditional", (when, then) =>
        {
            when.Match(() => c);
            then.Do(ctx => Produce(ctx, c));
        });
        var s = Engine.Session(rule);
        var counter = new Counter("z") { Value = 3 };
        s.Insert(counter);
        s.Fire();
        s.Query<Derived>().Count().ShouldBe(3);
        counter.Value = 1;
        s.Update(counter);
        s.Fire();
        s.Query<Derived>().Select(d => d.Text).ShouldBe(["z0"]);
    }

    private static void Produce(IContext ctx, Counter c)
    {
        for (var i = 0; i < c.Value; i++)
        {
            ctx.InsertLinked(new Derived($"{c.Name}{i}"));
        }
    }
}
