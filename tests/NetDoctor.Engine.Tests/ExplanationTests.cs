namespace NetDoctor.Engine.Tests;

public sealed class ExplanationTests
{
    [Fact]
    public void Derived_facts_explain_their_rule_and_bound_facts_down_to_raw_facts()
    {
        Pool pool = null!;
        Address addr = null!;
        Overlap overlap = null!;
        var r1 = new TestRule("overlap", (when, then) =>
        {
            when.Match(() => pool).Match(() => addr, a => a.Pool == pool.Name);
            then.Yield(ctx => new Overlap(pool, addr));
        });
        var r2 = new TestRule("report", (when, then) =>
        {
            when.Match(() => overlap);
            then.Yield(ctx => new Derived("report " + overlap.Address.Host));
        });
        var s = Engine.Session(r1, r2);
        var p = new Pool("a");
        var a = new Address("a", 1);
        s.InsertAll([p, a]);
        s.Fire();

        s.Explain(p).ShouldBeNull();
        var report = s.Query<Derived>().Single();
        var top = s.Explain(report).ShouldNotBeNull();
        top.Rule.Id.ShouldBe("report");
        var middle = s.Explain(top.Facts.Single().Value).ShouldNotBeNull();
        middle.Rule.Id.ShouldBe("overlap");
        middle.Facts.Select(f => (f.Declaration.Name, f.Value)).ShouldBe([("pool", (object)p), ("addr", a)]);
        middle.ToString().ShouldContain("overlap(pool: ");
    }

    [Fact]
    public void Events_trace_facts_activations_and_firings()
    {
        Pool pool = null!;
        var rule = new TestRule("traced", (when, then) =>
        {
            when.Match(() => pool, p => p.Enabled);
            then.Yield(ctx => new Derived(pool.Name));
        });
        var s = Engine.Session(rule);
        var log = new List<string>();
        s.Events.FactInserted += (_, e) => log.Add($"+{e.Fact.GetType().Name}{(e.Derivation is null ? "" : " by " + e.Derivation.Rule.Id)}");
        s.Events.FactUpdated += (_, e) => log.Add($"~{e.Fact.GetType().Name}");
        s.Events.FactRetracted += (_, e) => log.Add($"-{e.Fact.GetType().Name}");
        s.Events.ActivationCreated += (_, e) => log.Add($"created {e.Rule.Id}({e.Facts.Single().Value})");
        s.Events.ActivationDeleted += (_, e) => log.Add($"deleted {e.Rule.Id}");
        s.Events.RuleFiring += (_, e) => log.Add($"firing {e.Rule.Id}");
        s.Events.RuleFired += (_, e) => log.Add($"fired {e.Rule.Id}");
        var p = new Pool("a");
        s.Insert(p);
        s.Fire();
        s.Retract(p);
        log.ShouldBe([
            "+Pool",
            $"created traced({p})",
            "firing traced",
            "+Derived by traced",
            "fired traced",
            "-Pool",
            "deleted traced",
            "-Derived",
        ]);
    }

    [Fact]
    public void Context_exposes_rule_and_facts_to_actions()
    {
        Pool pool = null!;
        var seen = new List<string>();
        var rule = new TestRule("ctx", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => seen.Add(ctx.Rule.Id + ":" + ctx.Facts[0].Declaration.Name + "=" + ((Pool)ctx.Facts[0].Value).Name));
        });
        var s = Engine.Session(rule);
        s.Insert(new Pool("a"));
        s.Fire();
        seen.ShouldBe(["ctx:pool=a"]);
    }
}
