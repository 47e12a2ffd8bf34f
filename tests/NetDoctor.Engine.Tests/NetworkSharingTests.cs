namespace NetDoctor.Engine.Tests;

/// <summary>Observes the network's shape through how often conditions run.</summary>
public sealed class NetworkSharingTests
{
    private static class Probe
    {
        [ThreadStatic]
        private static int _calls;

        public static int Calls => _calls;

        public static void Reset() => _calls = 0;

        public static bool Enabled(Pool p)
        {
            _calls++;
            return p.Enabled;
        }

        public static string Key(string s)
        {
            _calls++;
            return s;
        }
    }

    [Fact]
    public void Structurally_equal_conditions_of_different_rules_run_once_per_fact()
    {
        Pool a = null!;
        Pool b = null!;
        var r1 = TestRule.Create("share/1", (when, then) =>
        {
            when.Match(() => a, p => Probe.Enabled(p));
            then.Do(ctx => ctx.Halt());
        });
        var r2 = TestRule.Create("share/2", (when, then) =>
        {
            when.Match(() => b, x => Probe.Enabled(x));
            then.Do(ctx => ctx.Halt());
        });
        var s = Engine.Session(EngineKind.Indexed, r1, r2);
        Probe.Reset();
        s.InsertAll(Enumerable.Range(0, 10).Select(i => (object)new Pool($"p{i}")));
        Probe.Calls.ShouldBe(10);
    }

    [Fact]
    public void Equality_join_uses_an_index_not_a_nested_loop()
    {
        Pool pool = null!;
        Address addr = null!;
        var rule = TestRule.Create("index", (when, then) =>
        {
            when.Match(() => pool).Match(() => addr, a => a.Pool == Probe.Key(pool.Name));
            then.Yield(ctx => new Overlap(pool, addr));
        });
        var s = Engine.Session(EngineKind.Indexed, rule);
        Probe.Reset();
        s.InsertAll(Enumerable.Range(0, 50).Select(i => (object)new Pool($"p{i}")));
        s.InsertAll(Enumerable.Range(0, 50).Select(i => (object)new Address($"p{i}", i)));
        Probe.Calls.ShouldBe(50, "the key over earlier declarations runs once per left token, never per pair");
        s.Fire().ShouldBe(50);
    }

    private static class Selector
    {
        [ThreadStatic]
        private static int _calls;

        public static int Calls => _calls;

        public static void Reset() => _calls = 0;

        public static int Size(Pool p)
        {
            _calls++;
            return p.Size;
        }
    }

    [Fact]
    public void Sibling_tests_of_one_expression_against_constants_are_hashed()
    {
        var rules = Enumerable.Range(0, 10).Select(k =>
        {
            Pool pool = null!;
            return TestRule.Create($"size/{k}", (when, then) =>
            {
                when.Match(() => pool, p => Selector.Size(p) == k);
                then.Yield(ctx => new Derived($"{k}:{pool.Name}"));
            });
        }).ToArray();
        var s = Engine.Session(EngineKind.Indexed, rules);
        Selector.Reset();
        s.InsertAll(Enumerable.Range(0, 30).Select(i => (object)new Pool($"p{i}", i % 15)));
        Selector.Calls.ShouldBe(30, "one evaluation of the shared expression per fact, not one per rule");
        s.Fire().ShouldBe(20);
        s.Query<Derived>().Select(d => d.Text).ShouldContain("3:p18");
    }

    [Fact]
    public void Hashed_constant_tests_handle_strings_nulls_and_nullable_values()
    {
        var names = new string?[] { "a", "b", null, "d", "e" };
        var rules = names.Select((name, k) =>
        {
            Address addr = null!;
            return TestRule.Create($"name/{k}", (when, then) =>
            {
                when.Match(() => addr, a => a.Pool == name);
                then.Yield(ctx => new Derived($"{k}:{addr.Host}"));
            });
        }).ToArray();
        var s = Engine.Session(EngineKind.Indexed, rules);
        s.InsertAll([new Address("a", 1), new Address(null!, 2), new Address("e", 3), new Address("zz", 4)]);
        s.Fire();
        s.Query<Derived>().Select(d => d.Text).OrderBy(t => t).ShouldBe(["0:1", "2:2", "4:3"]);
    }
}
