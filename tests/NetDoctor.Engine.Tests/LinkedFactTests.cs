using NRules.RuleModel;

namespace NetDoctor.Engine.Tests;

/// <summary>NRules' keyed linked facts (<c>IContext.InsertLinked/UpdateLinked/GetLinked</c>), which Fluent's <c>Yield</c> is made of.</summary>
public sealed class LinkedFactTests
{
    [Theory, Engines]
    public void Yield_refiring_updates_the_same_linked_fact(EngineKind engine)
    {
        Counter c = null!;
        var rule = TestRule.Create("yield", (when, then) =>
        {
            when.Match(() => c);
            then.Yield(ctx => new Derived($"{c.Name}={c.Value}")).Yield(ctx => new Level2(c.Name));
        });
        var s = Engine.Session(engine, rule);
        var log = new List<string>();
        s.Events.FactInserted += (_, e) => log.Add($"+{e.Fact}");
        s.Events.FactUpdated += (_, e) => log.Add($"~{e.Fact}");
        s.Events.FactRetracted += (_, e) => log.Add($"-{e.Fact}");
        var counter = new Counter("a");
        s.Insert(counter);
        s.Fire();
        var first = s.Query<Derived>().Single();
        counter.Value = 1;
        s.Update(counter);
        s.Fire();
        var second = s.Query<Derived>().Single();
        second.Text.ShouldBe("a=1");
        second.ShouldNotBeSameAs(first);
        s.Query<Level2>().Count().ShouldBe(1);
        log.ShouldBe([
            "+Counter a=0", "+Derived { Text = a=0 }", "+Level2 { Text = a }",
            "~Counter a=1", "~Derived { Text = a=1 }", "~Level2 { Text = a }",
        ]);
        s.Explain(second)!.Rule.Name.ShouldBe("yield");
    }

    [Theory, Engines]
    public void Linked_facts_are_found_by_key_across_firings_of_one_match(EngineKind engine)
    {
        Counter c = null!;
        var seen = new List<string>();
        var rule = TestRule.Create("keys", (when, then) =>
        {
            when.Match(() => c);
            then.Do(ctx => Link(ctx, c, seen));
        });
        var s = Engine.Session(engine, rule);
        var a = new Counter("a");
        var b = new Counter("b");
        s.InsertAll([a, b]);
        s.Fire();
        a.Value = 1;
        s.Update(a);
        s.Fire();
        // Each match has its own keys: the same key under two matches is two facts.
        seen.OrderBy(x => x).ShouldBe(["a: keys [] had null", "a: keys [k] had Derived { Text = a0 }", "b: keys [] had null"]);
        s.Query<Derived>().Select(d => d.Text).OrderBy(t => t).ShouldBe(["a1", "b0"]);
    }

    [Theory, Engines]
    public void Retracted_linked_fact_leaves_its_match_and_is_not_retracted_twice(EngineKind engine)
    {
        Counter c = null!;
        var rule = TestRule.Create("retract-linked", (when, then) =>
        {
            when.Match(() => c);
            then.Do(ctx => LinkOrDrop(ctx, c));
        });
        var s = Engine.Session(engine, rule);
        var retracted = new List<object>();
        s.Events.FactRetracted += (_, e) => retracted.Add(e.Fact);
        var counter = new Counter("a");
        s.Insert(counter);
        s.Fire();
        s.Query<Derived>().Count().ShouldBe(1);
        counter.Value = 1;
        s.Update(counter);
        s.Fire();
        s.Query<Derived>().ShouldBeEmpty();
        retracted.Count.ShouldBe(1);
        s.Retract(counter);
        retracted.Count.ShouldBe(2, "the counter; its match had no linked fact left");
    }

    [Theory, Engines]
    public void Linking_a_used_key_or_updating_an_unknown_key_fails_the_action(EngineKind engine)
    {
        Pool pool = null!;
        var twice = TestRule.Create("twice", (when, then) =>
        {
            when.Match(() => pool, p => p.Name == "twice");
            then.Do(ctx => LinkTwice(ctx, pool));
        });
        var unknown = TestRule.Create("unknown", (when, then) =>
        {
            when.Match(() => pool, p => p.Name == "unknown");
            then.Do(ctx => ctx.UpdateLinked("nope", new Derived(pool.Name)));
        });
        var s = Engine.Session(engine, twice, unknown);
        s.Insert(new Pool("twice"));
        s.Fire();
        s.RuleFailures.ShouldHaveSingleItem().Cause.ShouldBeOfType<ArgumentException>();
        var t = Engine.Session(engine, twice, unknown);
        t.Insert(new Pool("unknown"));
        t.Fire();
        t.RuleFailures.ShouldHaveSingleItem().Cause.ShouldBeOfType<ArgumentException>();
    }

    private static void Link(IContext ctx, Counter c, List<string> seen)
    {
        var had = ctx.GetLinked("k");
        seen.Add($"{c.Name}: keys [{string.Join(",", ctx.GetLinkedKeys())}] had {had?.ToString() ?? "null"}");
        var fact = new Derived($"{c.Name}{c.Value}");
        if (had is null)
        {
            ctx.InsertLinked("k", fact);
        }
        else
        {
            ctx.UpdateLinked("k", fact);
        }
    }

    private static void LinkOrDrop(IContext ctx, Counter c)
    {
        if (c.Value == 0)
        {
            ctx.InsertLinked("k", new Derived(c.Name));
        }
        else
        {
            ctx.RetractLinked("k", ctx.GetLinked("k")!);
        }
    }

    private static void LinkTwice(IContext ctx, Pool pool)
    {
        ctx.InsertLinked("k", new Derived(pool.Name));
        ctx.InsertLinked("k", new Derived(pool.Name));
    }
}
