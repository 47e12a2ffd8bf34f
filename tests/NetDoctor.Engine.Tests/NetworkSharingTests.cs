namespace NetDoctor.Engine.Tests;

/// <summary>Observes the network's shape through how often conditions run.</summary>
public sealed class NetworkSharingTests
{
    private static class Probe
    {
        [ThreadStatic]
        private static int calls;

        public static int Calls => calls;

        public static void Reset() => calls = 0;

        public static bool Enabled(Pool p)
        {
            calls++;
            return p.Enabled;
        }

        public static string Key(string s)
        {
            calls++;
            return s;
        }
    }

    [Fact]
    public void Structurally_equal_conditions_of_different_rules_run_once_per_fact()
    {
        Pool a = null!;
        Pool b = null!;
        var r1 = new TestRule("share/1", (when, then) =>
        {
            when.Match(() => a, p => Probe.Enabled(p));
            then.Do(ctx => ctx.Halt());
        });
        var r2 = new TestRule("share/2", (when, then) =>
        {
            when.Match(() => b, x => Probe.Enabled(x));
            then.Do(ctx => ctx.Halt());
        });
        var s = Engine.Session(r1, r2);
        Probe.Reset();
        s.InsertAll(Enumerable.Range(0, 10).Select(i => (object)new Pool($"p{i}")));
        Probe.Calls.ShouldBe(10);
    }

    [Fact]
    public void Equality_join_uses_an_index_not_a_nested_loop()
    {
        Pool pool = null!;
        Address addr = null!;
        var rule = new TestRule("index", (when, then) =>
        {
            when.Match(() => pool).Match(() => addr, a => a.Pool == Probe.Key(pool.Name));
            then.Yield(ctx => new Overlap(pool, addr));
        });
        var s = Engine.Session(rule);
        Probe.Reset();
        s.InsertAll(Enumerable.Range(0, 50).Select(i => (object)new Pool($"p{i}")));
        s.InsertAll(Enumerable.Range(0, 50).Select(i => (object)new Address($"p{i}", i)));
        Probe.Calls.ShouldBe(50, "the key over earlier declarations runs once per left token, never per pair");
        s.Fire().ShouldBe(50);
    }
}
