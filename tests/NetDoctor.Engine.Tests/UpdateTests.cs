using NRules.Fluent.Dsl;

namespace NetDoctor.Engine.Tests;

public sealed class UpdateTests
{
    private static (Rule Rule, List<string> Log) Logging()
    {
        var log = new List<string>();
        Counter c = null!;
        Pool pool = null!;
        var rule = TestRule.Create("log", (when, then) =>
        {
            when.Match(() => c).Match(() => pool, p => p.Name == c.Name);
            then.Do(ctx => log.Add($"{c.Name}={c.Value}/{pool.Size}"));
        });
        return (rule, log);
    }

    [Theory, Engines]
    public void Refraction_a_match_fires_once_until_it_changes(EngineKind engine)
    {
        var (rule, log) = Logging();
        var s = Engine.Session(engine, rule);
        s.InsertAll([new Counter("a"), new Pool("a", 1)]);
        s.Fire().ShouldBe(1);
        s.Fire().ShouldBe(0);
        s.Insert(new Pool("b"));
        s.Fire().ShouldBe(0);
        log.ShouldBe(["a=0/1"]);
    }

    [Theory, Engines]
    public void Update_refires_matches_involving_the_fact_and_only_those(EngineKind engine)
    {
        var (rule, log) = Logging();
        var s = Engine.Session(engine, rule);
        var a = new Counter("a");
        var b = new Counter("b");
        s.InsertAll([a, b, new Pool("a", 1), new Pool("b", 2)]);
        s.Fire().ShouldBe(2);
        log.Clear();
        a.Value = 5;
        s.Update(a);
        s.Fire().ShouldBe(1);
        log.ShouldBe(["a=5/1"]);
    }

    [Theory, Engines]
    public void Update_keeps_linked_facts_while_retract_and_insert_rederives_them(EngineKind engine)
    {
        Counter c = null!;
        var rule = TestRule.Create("derive", (when, then) =>
        {
            when.Match(() => c);
            then.Yield(ctx => new Derived(c.Name));
        });
        var s = Engine.Session(engine, rule);
        var retracted = new List<object>();
        s.Events.FactRetracted += (_, e) => retracted.Add(e.Fact);
        var counter = new Counter("a");
        s.Insert(counter);
        s.Fire();

        s.Update(counter);
        retracted.ShouldBeEmpty();
        s.Fire().ShouldBe(1);
        s.Query<Derived>().Count().ShouldBe(1);

        s.Retract(counter);
        s.Insert(counter);
        retracted.OfType<Derived>().Count().ShouldBe(1);
        s.Fire().ShouldBe(1);
        s.Query<Derived>().Count().ShouldBe(1);
    }

    [Theory, Engines]
    public void Updated_fact_that_no_longer_matches_deletes_its_activation_before_firing(EngineKind engine)
    {
        Counter c = null!;
        var fired = new List<Counter>();
        var rule = TestRule.Create("big", (when, then) =>
        {
            when.Match(() => c, x => x.Value > 10);
            then.Do(ctx => fired.Add(c));
        });
        var s = Engine.Session(engine, rule);
        var counter = new Counter("a") { Value = 11 };
        s.Insert(counter);
        counter.Value = 1;
        s.Update(counter);
        s.Fire().ShouldBe(0);
        fired.ShouldBeEmpty();
    }

    [Theory, Engines]
    public void Unknown_facts_cannot_be_updated_or_retracted_and_duplicates_cannot_be_inserted(EngineKind engine)
    {
        var s = Engine.Session(engine);
        var p = new Pool("a");
        Should.Throw<InvalidOperationException>(() => s.Update(p));
        Should.Throw<InvalidOperationException>(() => s.Retract(p));
        s.TryRetract(p).ShouldBeFalse();
        s.Insert(p);
        Should.Throw<InvalidOperationException>(() => s.Insert(p));
        s.TryRetract(p).ShouldBeTrue();
        s.Query<Pool>().ShouldBeEmpty();
    }

    [Theory, Engines]
    public void Query_lists_facts_in_insertion_order_through_updates_and_retractions(EngineKind engine)
    {
        Counter c = null!;
        var rule = TestRule.Create("mirror", (when, then) =>
        {
            when.Match(() => c);
            then.Yield(ctx => new Derived($"{c.Name}={c.Value}"));
        });
        var s = Engine.Session(engine, rule);
        var (a, b, d) = (new Counter("a"), new Counter("b"), new Counter("d"));
        s.InsertAll([a, b, new Counter("c")]);
        s.Fire();
        a.Value = 1;
        s.Update(a);
        s.Retract(b);
        s.Insert(d);
        s.Fire();
        s.Query<Counter>().Select(x => x.Name).ShouldBe(["a", "c", "d"]);
        // A re-derived linked fact is a new object in the place of the old one (the first firings ran in agenda order).
        s.Query<Derived>().Select(x => x.Text).ShouldBe(["a=1", "c=0", "d=0"]);
        s.Query<object>().Count().ShouldBe(6);
    }
}
