using NRules.Fluent.Dsl;
using NRules.RuleModel;

namespace NetDoctor.Engine.Tests;

/// <summary>NRules' <see cref="RuleRepeatability"/>: a non-repeatable rule fires once per match, however often its facts change.</summary>
public sealed class RepeatabilityTests
{
    // The rule classes are built by NRules from their type, so they report here; xUnit runs one class's tests one at a time.
    private static readonly List<string> Log = [];

    [Name("test/once"), Repeatability(RuleRepeatability.NonRepeatable)]
    public sealed class OnceRule : Rule
    {
        public override void Define()
        {
            Counter c = null!;
            When().Match(() => c, x => x.Name.StartsWith("once"));
            Then().Do(ctx => Record(c));
        }
    }

    [Name("test/again")]
    public sealed class AgainRule : Rule
    {
        public override void Define()
        {
            Counter c = null!;
            When().Match(() => c, x => x.Name.StartsWith("again"));
            Then().Do(ctx => Record(c));
        }
    }

    [Theory, Engines]
    public void Non_repeatable_rule_does_not_refire_on_update_but_fires_for_a_new_match(EngineKind engine)
    {
        Log.Clear();
        var s = Engine.Session(engine, new OnceRule(), new AgainRule());
        var once = new Counter("once");
        var again = new Counter("again");
        s.InsertAll([once, again]);
        s.Fire().ShouldBe(2);
        once.Value = again.Value = 1;
        s.Update(once);
        s.Update(again);
        s.Fire().ShouldBe(1, "only the repeatable rule fires again");

        // Retract and re-insert makes a new match, which fires.
        s.Retract(once);
        s.Insert(once);
        s.Fire().ShouldBe(1);
        Log.Order().ShouldBe(["again=0", "again=1", "once=0", "once=1"]);
    }

    private static void Record(Counter c) => Log.Add($"{c.Name}={c.Value}");
}
