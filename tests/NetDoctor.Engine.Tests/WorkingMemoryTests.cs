namespace NetDoctor.Engine.Tests;

/// <summary>
/// Working memory's bookkeeping under many inserts and retractions: membership, duplicate detection and insertion
/// order must hold while the indexed runtime reuses its lookup table, keeps facts no rule holds without a handle and
/// compacts its order after many removals.
/// </summary>
public sealed class WorkingMemoryTests
{
    [Theory, Engines]
    public void Membership_and_insertion_order_survive_thousands_of_inserts_and_retractions(EngineKind engine)
    {
        Pool pool = null!;
        var fired = new List<Pool>();
        var rule = TestRule.Create("enabled-pools", (when, then) =>
        {
            when.Match(() => pool, p => p.Enabled);
            then.Do(ctx => fired.Add(pool));
        });
        var s = Engine.Session(engine, rule);
        var random = new Random(11);
        var present = new List<object>();
        var gone = new List<object>();
        for (var step = 0; step < 6_000; step++)
        {
            var roll = random.Next(100);
            if (roll < 45 || present.Count == 0)
            {
                // Enabled pools get a token (a handle); disabled pools and addresses reach no rule.
                object fact = random.Next(3) switch
                {
                    0 => new Pool($"p{step}"),
                    1 => new Pool($"p{step}", Enabled: false),
                    _ => new Address($"p{step}", step),
                };
                s.Insert(fact);
                present.Add(fact);
            }
            else if (roll < 85)
            {
                var fact = present[random.Next(present.Count)];
                s.Retract(fact);
                present.Remove(fact);
                gone.Add(fact);
            }
            else if (roll < 92 && gone.Count > 0)
            {
                // A retracted fact inserted again is a new fact: it goes to the end of the order.
                var fact = gone[random.Next(gone.Count)];
                gone.Remove(fact);
                s.Insert(fact);
                present.Add(fact);
            }
            else
            {
                s.Update(present[random.Next(present.Count)]);
            }
        }
        s.Query<object>().ShouldBe(present);
        gone.ShouldAllBe(f => !s.TryRetract(f));
        foreach (var fact in present.Where((_, i) => i % 7 == 0))
        {
            Should.Throw<InvalidOperationException>(() => s.Insert(fact));
        }
        s.Fire(int.MaxValue);
        fired.ShouldBe(present.OfType<Pool>().Where(p => p.Enabled), ignoreOrder: true);
    }
}
