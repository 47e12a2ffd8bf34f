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
