namespace NetDoctor.Engine.Tests;

/// <summary>What actions may do to working memory while Fire runs, and how the agenda reacts.</summary>
public sealed class ActionOperationTests
{
    [Fact]
    public void Fact_inserted_by_an_action_activates_a_higher_priority_rule_before_remaining_low_ones()
    {
        var order = new List<string>();
        Pool pool = null!;
        Derived d = null!;
        var low = new TestRule("low", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => Record(ctx, order, "low " + pool.Name, new Derived(pool.Name)));
        });
        var high = new TestRule("high", (when, then) =>
        {
            when.Match(() => d);
            then.Do(ctx => order.Add("high " + d.Text));
        }, priority: 5);
        var s = Engine.Session(low, high);
        s.InsertAll([new Pool("1"), new Pool("2")]);
        s.Fire().ShouldBe(4);
        order.ShouldBe(["low 2", "high 2", "low 1", "high 1"]);
    }

    [Fact]
    public void Action_retracting_a_fact_cancels_pending_activations_on_it()
    {
        Pool pool = null!;
        Address addr = null!;
        var fired = new List<string>();
        var cleanup = new TestRule("cleanup", (when, then) =>
        {
            when.Match(() => pool).Match(() => addr, a => a.Pool == pool.Name);
            then.Do(ctx => ctx.Retract(addr));
        }, priority: 1);
        var use = new TestRule("use", (when, then) =>
        {
            when.Match(() => addr);
            then.Do(ctx => fired.Add(addr.Pool));
        });
        var s = Engine.Session(cleanup, use);
        s.InsertAll([new Pool("a"), new Address("a", 1), new Address("b", 1)]);
        s.Fire();
        fired.ShouldBe(["b"]);
        s.Query<Address>().Single().Pool.ShouldBe("b");
    }

    [Fact]
    public void Linked_fact_retracted_by_hand_is_reinserted_when_its_match_fires_again()
    {
        Counter c = null!;
        var rule = new TestRule("linked", (when, then) =>
        {
            when.Match(() => c);
            then.Yield(ctx => new Derived(c.Name + c.Value));
        });
        var s = Engine.Session(rule);
        var counter = new Counter("a");
        s.Insert(counter);
        s.Fire();
        s.Retract(s.Query<Derived>().Single());
        counter.Value = 1;
        s.Update(counter);
        s.Fire();
        s.Query<Derived>().Single().Text.ShouldBe("a1");
    }

    [Fact]
    public void Linked_fact_of_a_rule_that_retracts_its_own_match_does_not_survive()
    {
        Pool pool = null!;
        var rule = new TestRule("consume", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => Consume(ctx, pool));
        });
        var s = Engine.Session(rule);
        s.Insert(new Pool("a"));
        s.Fire().ShouldBe(1);
        s.Query<Derived>().ShouldBeEmpty();
        s.Query<Pool>().ShouldBeEmpty();
    }

    private static void Record(IContext ctx, List<string> order, string entry, object fact)
    {
        order.Add(entry);
        ctx.Insert(fact);
    }

    private static void Consume(IContext ctx, Pool pool)
    {
        ctx.InsertLinked(new Derived(pool.Name));
        ctx.Retract(pool);
    }
}
