namespace NetDoctor.Engine.Tests;

public sealed class AgendaTests
{
    /// <summary>
    /// Priority orders both runtimes; between equal priorities both fire the oldest activation first (NRules' queue is
    /// first in, first out, and the indexed runtime follows it so the two derive facts in the same order).
    /// </summary>
    [Theory, Engines]
    public void Higher_priority_fires_first_then_equal_priorities_oldest_first(EngineKind engine)
    {
        var order = new List<string>();
        Pool low = null!;
        Pool high = null!;
        var lowRule = TestRule.Create("low", (when, then) =>
        {
            when.Match(() => low);
            then.Do(ctx => order.Add("low:" + low.Name));
        }, priority: 0);
        var highRule = TestRule.Create("high", (when, then) =>
        {
            when.Match(() => high);
            then.Do(ctx => order.Add("high:" + high.Name));
        }, priority: 10);
        var s = Engine.Session(engine, lowRule, highRule);
        s.Insert(new Pool("1"));
        s.Insert(new Pool("2"));
        s.Fire();
        order.ShouldBe(["high:1", "high:2", "low:1", "low:2"]);
    }

    [Theory, Engines]
    public void Halt_stops_after_the_current_action_and_fire_resumes(EngineKind engine)
    {
        Pool pool = null!;
        var rule = TestRule.Create("halt", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => ctx.Halt());
        });
        var s = Engine.Session(engine, rule);
        s.InsertAll([new Pool("a"), new Pool("b")]);
        s.Fire().ShouldBe(1);
        s.Fire().ShouldBe(1);
        s.Fire().ShouldBe(0);
    }

    [Theory, Engines]
    public void Cancellation_is_observed_between_firings(EngineKind engine)
    {
        Pool pool = null!;
        using var cts = new CancellationTokenSource();
        var rule = TestRule.Create("cancel", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => cts.Cancel());
        });
        var s = Engine.Session(engine, rule);
        s.InsertAll([new Pool("a"), new Pool("b")]);
        Should.Throw<OperationCanceledException>(() => s.Fire(cancellationToken: cts.Token));
        s.FiringCounts["cancel"].ShouldBe(1);
        Should.Throw<OperationCanceledException>(() => s.Fire(cancellationToken: cts.Token));
        s.FiringCounts["cancel"].ShouldBe(1, "an already cancelled token fires nothing");
        s.Fire().ShouldBe(1);
    }

    [Theory, Engines]
    public void Actions_see_the_cancellation_token_of_fire(EngineKind engine)
    {
        Pool pool = null!;
        using var cts = new CancellationTokenSource();
        var seen = new List<bool>();
        var rule = TestRule.Create("token", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => seen.Add(ctx.CancellationToken == cts.Token));
        });
        var s = Engine.Session(engine, rule);
        s.Insert(new Pool("a"));
        s.Fire(cancellationToken: cts.Token);
        seen.ShouldBe([true]);
    }

    [Theory, Engines]
    public void Many_cancelled_activations_do_not_disturb_the_order_of_the_live_ones(EngineKind engine)
    {
        var order = new List<string>();
        Pool pool = null!;
        var rule = TestRule.Create("churn", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => order.Add(pool.Name));
        });
        var s = Engine.Session(engine, rule);
        s.Insert(new Pool("first"));
        var churn = Enumerable.Range(0, 5000).Select(i => new Pool($"tmp{i}")).ToList();
        s.InsertAll(churn);
        s.Insert(new Pool("second"));
        foreach (var p in churn)
        {
            s.Retract(p);
        }
        s.Insert(new Pool("third"));
        s.Fire().ShouldBe(3);
        order.ShouldBe(["first", "second", "third"]);
    }
}
