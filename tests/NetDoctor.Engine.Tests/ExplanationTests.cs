namespace NetDoctor.Engine.Tests;

public sealed class ExplanationTests
{
    [Theory, Engines]
    public void Derived_facts_explain_their_rule_and_bound_facts_down_to_raw_facts(EngineKind engine)
    {
        Pool pool = null!;
        Address addr = null!;
        Overlap overlap = null!;
        var r1 = TestRule.Create("overlap", (when, then) =>
        {
            when.Match(() => pool).Match(() => addr, a => a.Pool == pool.Name);
            then.Yield(ctx => new Overlap(pool, addr));
        });
        var r2 = TestRule.Create("report", (when, then) =>
        {
            when.Match(() => overlap);
            then.Yield(ctx => new Derived("report " + overlap.Address.Host));
        });
        var s = Engine.Session(engine, r1, r2);
        var p = new Pool("a");
        var a = new Address("a", 1);
        s.InsertAll([p, a]);
        s.Fire();

        s.Explain(p).ShouldBeNull();
        var report = s.Query<Derived>().Single();
        var top = s.Explain(report).ShouldNotBeNull();
        top.Rule.Name.ShouldBe("report");
        var middle = s.Explain(top.Facts.Single().Value).ShouldNotBeNull();
        middle.Rule.Name.ShouldBe("overlap");
        middle.Facts.Select(f => (f.Declaration.Name, f.Value)).ShouldBe([("pool", (object)p), ("addr", a)]);
        middle.ToString().ShouldContain("overlap(pool: ");
    }

    [Theory, Engines]
    public void Events_trace_facts_activations_and_firings(EngineKind engine)
    {
        Pool pool = null!;
        var rule = TestRule.Create("traced", (when, then) =>
        {
            when.Match(() => pool, p => p.Enabled);
            then.Yield(ctx => new Derived(pool.Name));
        });
        var s = Engine.Session(engine, rule);
        var log = new List<string>();
        s.Events.FactInserted += (_, e) => log.Add($"+{e.Fact.GetType().Name}{(e.Derivation is null ? "" : " by " + e.Derivation.Rule.Name)}");
        s.Events.FactUpdated += (_, e) => log.Add($"~{e.Fact.GetType().Name}");
        s.Events.FactRetracted += (_, e) => log.Add($"-{e.Fact.GetType().Name}");
        s.Events.ActivationCreated += (_, e) => log.Add($"created {e.Rule.Name}({e.Facts.Single().Value})");
        s.Events.ActivationDeleted += (_, e) => log.Add($"deleted {e.Rule.Name}");
        s.Events.RuleFiring += (_, e) => log.Add($"firing {e.Rule.Name}");
        s.Events.RuleFired += (_, e) => log.Add($"fired {e.Rule.Name}");
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

    [Theory, Engines]
    public void Context_exposes_rule_and_facts_to_actions(EngineKind engine)
    {
        Pool pool = null!;
        var seen = new List<string>();
        var rule = TestRule.Create("ctx", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => seen.Add(ctx.Rule.Name + ":" + ctx.Match.Facts.Single().Declaration.Name + "=" + ((Pool)ctx.Match.Facts.Single().Value!).Name));
        });
        var s = Engine.Session(engine, rule);
        s.Insert(new Pool("a"));
        s.Fire();
        seen.ShouldBe(["ctx:pool=a"]);
    }

    [Theory, Engines]
    public void Plain_inserts_by_actions_explain_too_and_updated_linked_facts_explain_their_new_match(EngineKind engine)
    {
        Counter c = null!;
        Derived d = null!;
        var yield = TestRule.Create("yield", (when, then) =>
        {
            when.Match(() => c);
            then.Yield(ctx => new Derived($"{c.Name}={c.Value}"));
        });
        var plain = TestRule.Create("plain", (when, then) =>
        {
            when.Match(() => d);
            then.Do(ctx => ctx.Insert(new Level2(d.Text)));
        });
        var s = Engine.Session(engine, yield, plain);
        var counter = new Counter("a");
        s.Insert(counter);
        s.Fire();
        var level2 = s.Query<Level2>().Single();
        var first = s.Explain(level2).ShouldNotBeNull();
        first.Rule.Name.ShouldBe("plain");
        first.Facts.Single().Value.ShouldBe(s.Query<Derived>().Single());

        counter.Value = 2;
        s.Update(counter);
        s.Fire();
        var derived = s.Query<Derived>().Single();
        derived.Text.ShouldBe("a=2");
        var again = s.Explain(derived).ShouldNotBeNull();
        again.Rule.Name.ShouldBe("yield");
        again.Facts.Single().Value.ShouldBeSameAs(counter);
        s.Explain(counter).ShouldBeNull();
        s.Explain(new Pool("never inserted")).ShouldBeNull();
    }

    [Theory, Engines]
    public void Update_and_error_events_are_raised(EngineKind engine)
    {
        Counter c = null!;
        var rule = TestRule.Create("fails-on-two", (when, then) =>
        {
            when.Match(() => c);
            then.Do(ctx => Check(c));
        });
        var s = Engine.Session(engine, rule);
        var updated = new List<object>();
        var errors = new List<RuleEngineException>();
        s.Events.FactUpdated += (_, e) => updated.Add(e.Fact);
        s.Events.Error += (_, e) => errors.Add(e.Exception);
        var counter = new Counter("a");
        s.Insert(counter);
        s.Fire();
        counter.Value = 2;
        s.Update(counter);
        updated.ShouldBe([counter]);
        s.Fire();
        var error = errors.ShouldHaveSingleItem().ShouldBeOfType<RuleActionException>();
        error.RuleId.ShouldBe("fails-on-two");
        s.RuleFailures.ShouldHaveSingleItem().Cause.ShouldBeSameAs(error.InnerException);
    }

    private static void Check(Counter c)
    {
        if (c.Value == 2)
        {
            throw new InvalidOperationException("two");
        }
    }
}
