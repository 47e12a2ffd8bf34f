namespace NetDoctor.Engine.Tests;

public sealed class AgendaTests
{
    [Fact]
    public void Higher_priority_fires_first_then_most_recent_activation()
    {
        var order = new List<string>();
        Pool low = null!;
        Pool high = null!;
        var lowRule = new TestRule("low", (when, then) =>
        {
            when.Match(() => low);
            then.Do(ctx => order.Add("low:" + low.Name));
        }, priority: 0);
        var highRule = new TestRule("high", (when, then) =>
        {
            when.Match(() => high);
            then.Do(ctx => order.Add("high:" + high.Name));
        }, priority: 10);
        var s = Engine.Session(lowRule, highRule);
        s.Insert(new Pool("1"));
        s.Insert(new Pool("2"));
        s.Fire();
        order.ShouldBe(["high:2", "high:1", "low:2", "low:1"]);
    }

    [Fact]
    public void Halt_stops_after_the_current_action_and_fire_resumes()
    {
        Pool pool = null!;
        var rule = new TestRule("halt", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => ctx.Halt());
        });
        var s = Engine.Session(rule);
        s.InsertAll([new Pool("a"), new Pool("b")]);
        s.Fire().ShouldBe(1);
        s.Fire().ShouldBe(1);
        s.Fire().ShouldBe(0);
    }

    [Fact]
    public void Cancellation_is_observed_between_firings()
    {
        Pool pool = null!;
        using var cts = new CancellationTokenSource();
        var rule = new TestRule("cancel", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => cts.Cancel());
        });
        var s = Engine.Session(rule);
        s.InsertAll([new Pool("a"), new Pool("b")]);
        Should.Throw<OperationCanceledException>(() => s.Fire(cancellationToken: cts.Token));
        s.FiringCounts["cancel"].ShouldBe(1);
    }

    [Fact]
    public void Many_cancelled_activations_do_not_disturb_the_order_of_the_live_ones()
    {
        var order = new List<string>();
        Pool pool = null!;
        var rule = new TestRule("churn", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => order.Add(pool.Name));
        });
        var s = Engine.Session(rule);
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
        order.ShouldBe(["third", "second", "first"]);
    }
}
