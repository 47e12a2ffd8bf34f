using NRules.Fluent.Dsl;

namespace NetDoctor.Engine.Tests;

public sealed class JoinTests
{
    private sealed class OnePattern : Rule
    {
        public override void Define()
        {
            Pool pool = null!;
            When().Match(() => pool, p => p.Enabled);
            Then().Yield(ctx => new Derived(pool.Name));
        }
    }

    private sealed class TwoPatterns : Rule
    {
        public override void Define()
        {
            Pool pool = null!;
            Address addr = null!;
            When().Match(() => pool)
                .Match(() => addr, a => a.Pool == pool.Name);
            Then().Yield(ctx => new Overlap(pool, addr));
        }
    }

    private sealed class ThreePatterns : Rule
    {
        public override void Define()
        {
            Pool pool = null!;
            Address addr = null!;
            Tag tag = null!;
            When().Match(() => pool)
                .Match(() => addr, a => a.Pool == pool.Name)
                .Match(() => tag, t => t.Pool == pool.Name && t.Label.Length > addr.Host);
            Then().Yield(ctx => new Derived($"{pool.Name}/{addr.Host}/{tag.Label}"));
        }
    }

    private sealed class FourPatterns : Rule
    {
        public override void Define()
        {
            Pool pool = null!;
            Address addr = null!;
            Tag tag = null!;
            Owner owner = null!;
            When().Match(() => pool)
                .Match(() => addr, a => a.Pool == pool.Name)
                .Match(() => tag, t => t.Pool == addr.Pool)
                .Match(() => owner, o => o.Pool == tag.Pool && o.Team != tag.Label);
            Then().Yield(ctx => new Derived($"{pool.Name}/{addr.Host}/{tag.Label}/{owner.Team}"));
        }
    }

    [Theory, Engines]
    public void One_pattern_matches_facts_passing_its_condition(EngineKind engine)
    {
        var s = Engine.Session(engine, new OnePattern());
        s.InsertAll([new Pool("a"), new Pool("b", Enabled: false), new Pool("c")]);
        s.Fire().ShouldBe(2);
        s.Query<Derived>().Select(d => d.Text).OrderBy(x => x).ShouldBe(["a", "c"]);
    }

    [Theory, Engines]
    public void Two_patterns_join_on_equality_in_either_insertion_order(EngineKind engine)
    {
        var s = Engine.Session(engine, new TwoPatterns());
        var a1 = new Address("a", 1);
        s.Insert(a1);
        var pa = new Pool("a");
        s.Insert(pa);
        s.Insert(new Pool("b"));
        s.Insert(new Address("a", 2));
        s.Insert(new Address("c", 3));
        s.Fire().ShouldBe(2);
        s.Query<Overlap>().Select(o => (o.Pool.Name, o.Address.Host)).OrderBy(x => x.Host).ShouldBe([("a", 1), ("a", 2)]);
        s.Query<Overlap>().ShouldAllBe(o => o.Pool == pa);
    }

    [Theory, Engines]
    public void Three_patterns_with_residual_condition_over_two_earlier_declarations(EngineKind engine)
    {
        var s = Engine.Session(engine, new ThreePatterns());
        s.InsertAll([new Pool("a"), new Address("a", 1), new Address("a", 3), new Tag("a", "xy"), new Tag("a", "xyzw"), new Tag("b", "xyzw")]);
        s.Fire();
        s.Query<Derived>().Select(d => d.Text).OrderBy(x => x).ShouldBe(["a/1/xy", "a/1/xyzw", "a/3/xyzw"]);
    }

    [Theory, Engines]
    public void Four_patterns_join_and_retraction_removes_only_affected_matches(EngineKind engine)
    {
        var s = Engine.Session(engine, new FourPatterns());
        var ownerNet = new Owner("a", "net");
        s.InsertAll([new Pool("a"), new Address("a", 1), new Address("a", 2), new Tag("a", "ops"), ownerNet, new Owner("a", "ops")]);
        s.Fire();
        s.Query<Derived>().Select(d => d.Text).OrderBy(x => x).ShouldBe(["a/1/ops/net", "a/2/ops/net"]);
        s.Retract(ownerNet);
        s.Query<Derived>().ShouldBeEmpty();
    }

    [Theory, Engines]
    public void Self_join_over_one_type_produces_each_ordered_pair_once(EngineKind engine)
    {
        Pool a = null!;
        Pool b = null!;
        var rule = TestRule.Create("pairs", (when, then) =>
        {
            when.Match(() => a).Match(() => b, x => x.Size == a.Size && x != a);
            then.Yield(ctx => new Derived(a.Name + b.Name));
        });
        var s = Engine.Session(engine, rule);
        s.InsertAll([new Pool("x", 1), new Pool("y", 1), new Pool("z", 1), new Pool("w", 2)]);
        s.Insert(new Pool("v", 2));
        s.Fire();
        s.Query<Derived>().Select(d => d.Text).OrderBy(t => t).ShouldBe(["vw", "wv", "xy", "xz", "yx", "yz", "zx", "zy"]);
    }

    [Theory, Engines]
    public void Joins_on_two_and_three_equalities_match_every_part_in_either_insertion_order(EngineKind engine)
    {
        Tag tag = null!;
        Owner owner = null!;
        Address addr = null!;
        var two = TestRule.Create("two-parts", (when, then) =>
        {
            when.Match(() => tag).Match(() => owner, o => o.Pool == tag.Pool && o.Team == tag.Label);
            then.Yield(ctx => new Derived($"2:{tag.Pool}/{tag.Label}"));
        });
        Tag tag3 = null!;
        var three = TestRule.Create("three-parts", (when, then) =>
        {
            when.Match(() => tag3).Match(() => addr, a => a.Pool == tag3.Pool && a.Host == tag3.Label.Length && a.Pool.Length == tag3.Label.Length);
            then.Yield(ctx => new Derived($"3:{tag3.Pool}/{tag3.Label}/{addr.Host}"));
        });
        var s = Engine.Session(engine, two, three);
        s.Insert(new Owner("abc", "ops"));
        s.Insert(new Owner("abc", "net"));
        s.Insert(new Owner(null!, "ops"));
        s.Insert(new Address("abc", 3));
        s.Insert(new Address("abc", 4));
        // Pool and host agree with the tag but the pool's length does not: only the third part rules it out.
        s.Insert(new Address("abcd", 3));
        s.InsertAll([new Tag("abc", "ops"), new Tag("abc", "dev"), new Tag(null!, "ops"), new Tag("xyz", "ops"), new Tag("abcd", "ops")]);
        s.Insert(new Owner("xyz", "ops"));
        s.Insert(new Address("xyz", 3));
        s.Insert(new Address("abc", 3));
        s.Fire();
        s.Query<Derived>().Select(d => d.Text).OrderBy(t => t, StringComparer.Ordinal)
            .ShouldBe(["2:/ops", "2:abc/ops", "2:xyz/ops", "3:abc/dev/3", "3:abc/dev/3", "3:abc/ops/3", "3:abc/ops/3", "3:xyz/ops/3"]);
    }

    [Theory, Engines]
    public void Same_fact_can_bind_two_declarations_when_conditions_allow(EngineKind engine)
    {
        Pool a = null!;
        Pool b = null!;
        var rule = TestRule.Create("reflexive", (when, then) =>
        {
            when.Match(() => a).Match(() => b, x => x.Size == a.Size);
            then.Yield(ctx => new Derived(a.Name + b.Name));
        });
        var s = Engine.Session(engine, rule);
        s.Insert(new Pool("x", 1));
        s.Fire();
        s.Query<Derived>().Single().Text.ShouldBe("xx");
    }

    [Theory, Engines]
    public void Equal_records_are_distinct_facts(EngineKind engine)
    {
        var s = Engine.Session(engine, new OnePattern());
        s.Insert(new Pool("a"));
        s.Insert(new Pool("a"));
        s.Fire().ShouldBe(2);
    }
}
