using NetDoctor.Engine.Aggregators;
using NRules.Fluent.Dsl;

namespace NetDoctor.Engine.Tests;

public sealed class AggregateTests
{
    public sealed record Summary(string Pool, int Count, string Hosts);

    [Theory, Engines]
    public void Collect_gives_an_empty_list_when_nothing_matches_and_follows_changes(EngineKind engine)
    {
        Pool pool = null!;
        IEnumerable<Address> addrs = null!;
        var rule = TestRule.Create("collect", (when, then) =>
        {
            when.Match(() => pool).Query(() => addrs, q => q.Match<Address>(a => a.Pool == pool.Name).Collect());
            then.Yield(ctx => new Summary(pool.Name, addrs.Count(), string.Join(",", addrs.Select(a => a.Host))));
        });
        var s = Engine.Session(engine, rule);
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

    [Theory, Engines]
    public void Collect_lists_facts_in_insertion_order_when_the_collecting_match_comes_last(EngineKind engine)
    {
        Pool pool = null!;
        IEnumerable<Address> addrs = null!;
        var rule = TestRule.Create("collect-order", (when, then) =>
        {
            when.Match(() => pool).Query(() => addrs, q => q.Match<Address>(a => a.Pool == pool.Name).Collect());
            then.Yield(ctx => new Summary(pool.Name, addrs.Count(), string.Join(",", addrs.Select(a => a.Host))));
        });
        var s = Engine.Session(engine, rule);
        s.InsertAll([new Address("a", 1), new Address("a", 2)]);
        s.Insert(new Address("a", 3));
        s.Insert(new Pool("a"));
        s.Fire();
        s.Query<Summary>().Single().Hosts.ShouldBe("1,2,3");

        // Facts joining after the match are appended.
        s.Insert(new Address("a", 4));
        s.Fire();
        s.Query<Summary>().Single().Hosts.ShouldBe("1,2,3,4");
    }

    /// <summary>
    /// Indexed only: NRules' collect lists its alpha memory, a hash set that reuses the slot of a retracted fact, so after
    /// a retraction its order is no longer the insertion order.
    /// </summary>
    [Fact]
    public void Collect_and_group_keep_insertion_order_after_retractions()
    {
        Pool pool = null!;
        IEnumerable<Address> addrs = null!;
        IGrouping<int, Address> group = null!;
        var collect = TestRule.Create("collect-order", (when, then) =>
        {
            when.Match(() => pool).Query(() => addrs, q => q.Match<Address>(a => a.Pool == pool.Name).Collect());
            then.Yield(ctx => new Summary(pool.Name, addrs.Count(), string.Join(",", addrs.Select(a => a.Host))));
        });
        var grouped = TestRule.Create("group-order", (when, then) =>
        {
            when.Match(() => pool).Query(() => group, q => q.Match<Address>(a => a.Pool == pool.Name).GroupBy(a => a.Host % 2));
            then.Yield(ctx => new Derived($"{group.Key}:{string.Join(",", group.Select(a => a.Host))}"));
        });
        var s = Engine.Session(EngineKind.Indexed, collect, grouped);
        var addresses = Enumerable.Range(1, 6).Select(i => new Address("a", i)).ToList();
        s.InsertAll(addresses);
        s.Retract(addresses[1]);
        s.Insert(new Address("a", 7));
        s.Insert(new Pool("a"));
        s.Fire();
        s.Query<Summary>().Single().Hosts.ShouldBe("1,3,4,5,6,7");
        s.Query<Derived>().Select(d => d.Text).OrderBy(t => t).ShouldBe(["0:4,6", "1:1,3,5,7"]);
    }

    [Theory, Engines]
    public void Count_is_zero_without_facts_and_result_conditions_filter(EngineKind engine)
    {
        int n = 0;
        var rule = TestRule.Create("count", (when, then) =>
        {
            when.Query(() => n, q => q.Match<Pool>(p => p.Enabled).Count().Where(c => c != 2));
            then.Yield(ctx => new Derived($"count={n}"));
        });
        var s = Engine.Session(engine, rule);
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

    [Theory, Engines]
    public void Count_named_without_a_factory_is_found_by_name(EngineKind engine)
    {
        int n = 0;
        var rule = TestRule.Create("count-by-name", (when, then) =>
        {
            when.Query(() => n, q => CountByName(q.Match<Pool>()));
            then.Yield(ctx => new Derived($"count={n}"));
        });
        var s = Engine.Session(engine, rule);
        s.InsertAll([new Pool("a"), new Pool("b")]);
        s.Fire();
        s.Query<Derived>().Single().Text.ShouldBe("count=2");
    }

    [Theory, Engines]
    public void Group_by_yields_one_result_per_key_and_drops_emptied_groups(EngineKind engine)
    {
        IGrouping<string, Address> group = null!;
        var rule = TestRule.Create("group", (when, then) =>
        {
            when.Query(() => group, q => q.Match<Address>().GroupBy(a => a.Pool));
            then.Yield(ctx => new Summary(group.Key, group.Count(), string.Join(",", group.Select(a => a.Host))));
        });
        var s = Engine.Session(engine, rule);
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

    [Theory, Engines]
    public void Group_by_with_element_selector(EngineKind engine)
    {
        IGrouping<string, int> hosts = null!;
        var rule = TestRule.Create("hosts", (when, then) =>
        {
            when.Query(() => hosts, q => q.Match<Address>(a => a.Host > 0).GroupBy(a => a.Pool, a => a.Host));
            then.Yield(ctx => new Derived($"{hosts.Key}:{hosts.Sum()}"));
        });
        var s = Engine.Session(engine, rule);
        s.InsertAll([new Address("a", 1), new Address("a", 5), new Address("b", 0)]);
        s.Fire();
        s.Query<Derived>().Single().Text.ShouldBe("a:6");
    }

    [Theory, Engines]
    public void Aggregate_refires_when_an_element_is_updated_but_not_for_facts_outside_it(EngineKind engine)
    {
        IEnumerable<Counter> counters = null!;
        var rule = TestRule.Create("sum", (when, then) =>
        {
            when.Query(() => counters, q => q.Match<Counter>(c => c.Name != "ignored").Collect());
            then.Yield(ctx => new Derived($"sum={counters.Sum(c => c.Value)}"));
        });
        var s = Engine.Session(engine, rule);
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

    [Theory, Engines]
    public void Insert_all_stopped_by_a_duplicate_keeps_the_earlier_facts_consistent(EngineKind engine)
    {
        int n = 0;
        var rule = TestRule.Create("count-all", (when, then) =>
        {
            when.Query(() => n, q => q.Match<Pool>().Count());
            then.Yield(ctx => new Derived($"count={n}"));
        });
        var s = Engine.Session(engine, rule);
        var p = new Pool("a");
        Should.Throw<InvalidOperationException>(() => s.InsertAll([p, new Pool("b"), p, new Pool("c")]));
        s.Fire().ShouldBe(1);
        s.Query<Derived>().Single().Text.ShouldBe("count=2");
        s.Query<Pool>().Select(x => x.Name).ShouldBe(["a", "b"]);
    }

    /// <summary>Count as a Fluent query names it without a factory: NRules' aggregator registry must know it.</summary>
    private static NRules.Fluent.Dsl.IQuery<int> CountByName<T>(NRules.Fluent.Dsl.IQuery<T> source)
        where T : notnull
    {
        source.Builder.Aggregate<T, int>(AggregateNames.Count, []);
        return new NRules.Fluent.Dsl.QueryExpression<int>(source.Builder);
    }
}
