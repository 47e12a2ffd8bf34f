using NetDoctor.Engine.Fluent;

namespace NetDoctor.Engine.Tests;

public sealed class AggregateTests
{
    public sealed record Summary(string Pool, int Count, string Hosts);

    [Fact]
    public void Collect_gives_an_empty_list_when_nothing_matches_and_follows_changes()
    {
        Pool pool = null!;
        IReadOnlyList<Address> addrs = null!;
        var rule = new TestRule("collect", (when, then) =>
        {
            when.Match(() => pool).Query(() => addrs, q => q.Match<Address>(a => a.Pool == pool.Name).Collect());
            then.Yield(ctx => new Summary(pool.Name, addrs.Count, string.Join(",", addrs.Select(a => a.Host))));
        });
        var s = Engine.Session(rule);
        s.Insert(new Pool("a"));
        s.Fire().ShouldBe(1);
        s.Query<Summary>().Single().ShouldBe(new Summary("a", 0, ""));

        var a1 = new Address("a", 1);
        s.InsertAll([a1, new Address("a", 2), new Address("b", 9)]);
        s.Fire().ShouldBe(1);
        s.Query<Summary>().Single().ShouldBe(new Summary("a", 2, "1,2"));

        s.Retract(a1);
        s.Fire().ShouldBe(1);
        s.Query<Summary>().Single().ShouldBe(new Summary("a", 1, "2"));
    }

    [Fact]
    public void Count_is_zero_without_facts_and_result_conditions_filter()
    {
        int n = 0;
        var rule = new TestRule("count", (when, then) =>
        {
            when.Query(() => n, q => q.Match<Pool>(p => p.Enabled).Count().Where(c => c != 2));
            then.Yield(ctx => new Derived($"count={n}"));
        });
        var s = Engine.Session(rule);
        s.Fire();
        s.Query<Derived>().Single().Text.ShouldBe("count=0");
        var p1 = new Pool("a");
        s.Insert(p1);
        s.Fire();
        s.Query<Derived>().Single().Text.ShouldBe("count=1");
        s.Insert(new Pool("b"));
        s.Fire().ShouldBe(0);
        s.Query<Derived>().ShouldBeEmpty();
        s.Insert(new Pool("c", Enabled: false));
        s.Fire().ShouldBe(0);
        s.Insert(new Pool("d"));
        s.Fire().ShouldBe(1);
        s.Query<Derived>().Single().Text.ShouldBe("count=3");
    }

    [Fact]
    public void Group_by_yields_one_result_per_key_and_drops_emptied_groups()
    {
        IGrouping<string, Address> group = null!;
        var rule = new TestRule("group", (when, then) =>
        {
            when.Query(() => group, q => q.Match<Address>().GroupBy(a => a.Pool));
            then.Yield(ctx => new Summary(group.Key, group.Count(), string.Join(",", group.Select(a => a.Host))));
        });
        var s = Engine.Session(rule);
        s.Fire().ShouldBe(0);
        var b1 = new Address("b", 1);
        s.InsertAll([new Address("a", 1), new Address("a", 2), b1]);
        s.Fire().ShouldBe(2);
        s.Query<Summary>().OrderBy(x => x.Pool).ShouldBe([new Summary("a", 2, "1,2"), new Summary("b", 1, "1")]);

        s.Insert(new Address("a", 3));
        s.Fire().ShouldBe(1, "only the changed group re-fires");
        s.Retract(b1);
        s.Fire().ShouldBe(0);
        s.Query<Summary>().Single().ShouldBe(new Summary("a", 3, "1,2,3"));
    }

    [Fact]
    public void Group_by_with_element_selector()
    {
        IGrouping<string, int> hosts = null!;
        var rule = new TestRule("hosts", (when, then) =>
        {
            when.Query(() => hosts, q => q.Match<Address>(a => a.Host > 0).GroupBy(a => a.Pool, a => a.Host));
            then.Yield(ctx => new Derived($"{hosts.Key}:{hosts.Sum()}"));
        });
        var s = Engine.Session(rule);
        s.InsertAll([new Address("a", 1), new Address("a", 5), new Address("b", 0)]);
        s.Fire();
        s.Query<Derived>().Single().Text.ShouldBe("a:6");
    }

    [Fact]
    public void Aggregate_refires_when_an_element_is_updated_but_not_for_facts_outside_it()
    {
        IReadOnlyList<Counter> counters = null!;
        var rule = new TestRule("sum", (when, then) =>
        {
            when.Query(() => counters, q => q.Match<Counter>(c => c.Name != "ignored").Collect());
            then.Yield(ctx => new Derived($"sum={counters.Sum(c => c.Value)}"));
        });
        var s = Engine.Session(rule);
        var counted = new Counter("a");
        var ignored = new Counter("ignored");
        s.InsertAll([counted, ignored]);
        s.Fire().ShouldBe(1);
        ignored.Value = 5;
        s.Update(ignored);
        s.Fire().ShouldBe(0);
        counted.Value = 3;
        s.Update(counted);
        s.Fire().ShouldBe(1);
        s.Query<Derived>().Single().Text.ShouldBe("sum=3");
    }

    [Fact]
    public void Insert_all_stopped_by_a_duplicate_keeps_the_earlier_facts_consistent()
    {
        int n = 0;
        var rule = new TestRule("count-all", (when, then) =>
        {
            when.Query(() => n, q => q.Match<Pool>().Count());
            then.Yield(ctx => new Derived($"count={n}"));
        });
        var s = Engine.Session(rule);
        var p = new Pool("a");
        Should.Throw<InvalidOperationException>(() => s.InsertAll([p, new Pool("b"), p, new Pool("c")]));
        s.Fire().ShouldBe(1);
        s.Query<Derived>().Single().Text.ShouldBe("count=2");
    }
}
