using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace NetDoctor.Engine.Tests;

public sealed class ChainingTests
{
    // Pool -> Derived -> Level2 -> Level3, each step a linked fact (Yield).
    private static (Rule, Rule, Rule) Chain()
    {
        Pool pool = null!;
        Derived d = null!;
        Level2 l2 = null!;
        var r1 = TestRule.Create("level1", (when, then) =>
        {
            when.Match(() => pool, p => p.Enabled);
            then.Yield(ctx => new Derived(pool.Name + ":" + pool.Size));
        });
        var r2 = TestRule.Create("level2", (when, then) =>
        {
            when.Match(() => d);
            then.Yield(ctx => new Level2(d.Text + ">2"));
        });
        var r3 = TestRule.Create("level3", (when, then) =>
        {
            when.Match(() => l2);
            then.Yield(ctx => new Level3(l2.Text + ">3"));
        });
        return (r1, r2, r3);
    }

    [Theory, Engines]
    public void Facts_derived_over_three_levels_and_retracted_in_cascade(EngineKind engine)
    {
        var (r1, r2, r3) = Chain();
        var s = Engine.Session(engine, r1, r2, r3);
        var pool = new Pool("a", 1);
        s.Insert(pool);
        s.Fire().ShouldBe(3);
        s.Query<Level3>().Single().Text.ShouldBe("a:1>2>3");

        s.Retract(pool);
        s.Query<Derived>().ShouldBeEmpty();
        s.Query<Level2>().ShouldBeEmpty();
        s.Query<Level3>().ShouldBeEmpty();
    }

    [Theory, Engines]
    public void Linked_fact_rederived_by_a_changed_match_is_replaced_not_duplicated(EngineKind engine)
    {
        var (_, r2, r3) = Chain();
        var counter = new Counter("x");
        Counter c = null!;
        var fromCounter = TestRule.Create("from-counter", (when, then) =>
        {
            when.Match(() => c);
            then.Yield(ctx => new Derived($"{c.Name}={c.Value}"));
        });
        var s = Engine.Session(engine, fromCounter, r2, r3);
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

    [Theory, Engines]
    public void Derived_fact_disappears_when_a_condition_stops_holding_after_update(EngineKind engine)
    {
        var (_, r2, r3) = Chain();
        var counter = new Counter("y");
        Counter c = null!;
        var positive = TestRule.Create("positive", (when, then) =>
        {
            when.Match(() => c, x => x.Value > 0);
            then.Yield(ctx => new Derived(c.Name));
        });
        var s = Engine.Session(engine, positive, r2, r3);
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

    [Theory, Engines]
    public void Plain_insert_from_an_action_survives_its_match(EngineKind engine)
    {
        Pool pool = null!;
        var rule = TestRule.Create("plain", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => ctx.Insert(new Derived(pool.Name)));
        });
        var s = Engine.Session(engine, rule);
        var p = new Pool("a");
        s.Insert(p);
        s.Fire();
        s.Retract(p);
        s.Query<Derived>().Single().Text.ShouldBe("a");
    }

    /// <summary>
    /// Linked facts are keyed: an action that links a varying number of facts updates the keys it produces again and
    /// retracts the keys it no longer produces.
    /// </summary>
    [Theory, Engines]
    public void Linked_facts_not_produced_again_are_retracted_by_key_on_refire(EngineKind engine)
    {
        Counter c = null!;
        var rule = TestRule.Create("conditional", (when, then) =>
        {
            when.Match(() => c);
            then.Do(ctx => Produce(ctx, c));
        });
        var s = Engine.Session(engine, rule);
        var counter = new Counter("z") { Value = 3 };
        s.Insert(counter);
        s.Fire();
        s.Query<Derived>().Select(d => d.Text).ShouldBe(["z0/3", "z1/3", "z2/3"]);
        counter.Value = 1;
        s.Update(counter);
        s.Fire();
        s.Query<Derived>().Select(d => d.Text).ShouldBe(["z0/1"]);
    }

    private static void Produce(IContext ctx, Counter c)
    {
        var produced = new HashSet<object>();
        for (var i = 0; i < c.Value; i++)
        {
            var key = $"d{i}";
            var fact = new Derived($"{c.Name}{i}/{c.Value}");
            if (ctx.GetLinked(key) is null)
            {
                ctx.InsertLinked(key, fact);
            }
            else
            {
                ctx.UpdateLinked(key, fact);
            }
            produced.Add(key);
        }
        foreach (var stale in ctx.GetLinkedKeys().Where(k => !produced.Contains(k)).ToList())
        {
            ctx.RetractLinked(stale, ctx.GetLinked(stale)!);
        }
    }
}
