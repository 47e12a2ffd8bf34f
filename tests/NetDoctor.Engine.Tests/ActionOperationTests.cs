using NRules.RuleModel;

namespace NetDoctor.Engine.Tests;

/// <summary>What actions may do to working memory while Fire runs, and how the agenda reacts.</summary>
public sealed class ActionOperationTests
{
    [Theory, Engines]
    public void Fact_inserted_by_an_action_activates_a_higher_priority_rule_before_remaining_low_ones(EngineKind engine)
    {
        var order = new List<string>();
        Pool pool = null!;
        Derived d = null!;
        var low = TestRule.Create("low", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => Record(ctx, order, "low " + pool.Name, new Derived(pool.Name)));
        });
        var high = TestRule.Create("high", (when, then) =>
        {
            when.Match(() => d);
            then.Do(ctx => order.Add("high " + d.Text));
        }, priority: 5);
        var s = Engine.Session(engine, low, high);
        s.InsertAll([new Pool("1"), new Pool("2")]);
        s.Fire().ShouldBe(4);
        // Equal priorities fire oldest first on both runtimes (AgendaTests).
        order.ShouldBe(["low 1", "high 1", "low 2", "high 2"]);
    }

    [Theory, Engines]
    public void Action_retracting_a_fact_cancels_pending_activations_on_it(EngineKind engine)
    {
        Pool pool = null!;
        Address addr = null!;
        var fired = new List<string>();
        var cleanup = TestRule.Create("cleanup", (when, then) =>
        {
            when.Match(() => pool).Match(() => addr, a => a.Pool == pool.Name);
            then.Do(ctx => ctx.Retract(addr));
        }, priority: 1);
        var use = TestRule.Create("use", (when, then) =>
        {
            when.Match(() => addr);
            then.Do(ctx => fired.Add(addr.Pool));
        });
        var s = Engine.Session(engine, cleanup, use);
        s.InsertAll([new Pool("a"), new Address("a", 1), new Address("b", 1)]);
        s.Fire();
        fired.ShouldBe(["b"]);
        s.Query<Address>().Single().Pool.ShouldBe("b");
    }

    /// <summary>
    /// Indexed only: a linked fact retracted from outside its match is gone, and the match's next firing links a new one.
    /// NRules lets only the linking match retract it (<see cref="NRulesRuntimeTests"/>).
    /// </summary>
    [Fact]
    public void Linked_fact_retracted_by_hand_is_reinserted_when_its_match_fires_again()
    {
        Counter c = null!;
        var rule = TestRule.Create("linked", (when, then) =>
        {
            when.Match(() => c);
            then.Yield(ctx => new Derived(c.Name + c.Value));
        });
        var s = Engine.Session(EngineKind.Indexed, rule);
        var counter = new Counter("a");
        s.Insert(counter);
        s.Fire();
        s.Retract(s.Query<Derived>().Single());
        counter.Value = 1;
        s.Update(counter);
        s.Fire();
        s.Query<Derived>().Single().Text.ShouldBe("a1");
    }

    [Theory, Engines]
    public void Linked_fact_of_a_rule_that_retracts_its_own_match_does_not_survive(EngineKind engine)
    {
        Pool pool = null!;
        var rule = TestRule.Create("consume", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => Consume(ctx, pool));
        });
        var s = Engine.Session(engine, rule);
        s.Insert(new Pool("a"));
        s.Fire().ShouldBe(1);
        s.Query<Derived>().ShouldBeEmpty();
        s.Query<Pool>().ShouldBeEmpty();
    }

    [Theory, Engines]
    public void Try_operations_from_actions_report_instead_of_throwing(EngineKind engine)
    {
        Pool pool = null!;
        var results = new List<bool>();
        var rule = TestRule.Create("try", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => TryAll(ctx, pool, results));
        });
        var s = Engine.Session(engine, rule);
        s.Insert(new Pool("a"));
        s.Fire();
        // insert an existing fact, update an unknown one, retract the match's own fact, retract it again
        results.ShouldBe([false, false, true, false]);
    }

    private static void Record(IContext ctx, List<string> order, string entry, object fact)
    {
        order.Add(entry);
        ctx.Insert(fact);
    }

    private static void Consume(IContext ctx, Pool pool)
    {
        ctx.InsertLinked("derived", new Derived(pool.Name));
        ctx.Retract(pool);
    }

    private static void TryAll(IContext ctx, Pool pool, List<bool> results)
    {
        results.Add(ctx.TryInsert(pool));
        results.Add(ctx.TryUpdate(new Pool("unknown")));
        results.Add(ctx.TryRetract(pool));
        results.Add(ctx.TryRetract(pool));
    }
}
