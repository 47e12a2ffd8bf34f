namespace NetDoctor.Engine.Tests.Differential;

/// <summary>
/// Drives random insert/update/retract sequences through the engine and, after every Fire, compares the
/// current matches (Hits) and derived facts with <see cref="ReferenceEvaluator"/>'s from-scratch answer.
/// </summary>
public sealed class DifferentialTests
{
    private static readonly ISessionFactory Factory = Engine.Factory(DifferentialRules.All());

    public static IEnumerable<object[]> Seeds() => Enumerable.Range(0, 20).Select(i => new object[] { i * 20 });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Engine_matches_reference_over_random_operation_sequences(int firstSeed)
    {
        // 20 theory cases x 20 seeds = 400 random sequences.
        for (var seed = firstSeed; seed < firstSeed + 20; seed++)
        {
            Run(seed);
        }
    }

    private static void Run(int seed)
    {
        var random = new Random(seed);
        var session = Factory.CreateSession();
        var facts = new List<Item>();
        var nextId = 0;
        var trace = new List<string>();
        for (var step = 0; step < 30; step++)
        {
            var operations = random.Next(1, 4);
            for (var i = 0; i < operations; i++)
            {
                trace.Add(Apply(random, session, facts, ref nextId));
            }
            session.Fire();
            var (expectedHits, expectedDerived) = ReferenceEvaluator.Evaluate([.. facts.OfType<A>()], [.. facts.OfType<B>()], [.. facts.OfType<C>()]);
            var actualHits = session.Query<Hit>().Select(h => h.ToString()).OrderBy(h => h, StringComparer.Ordinal).ToList();
            var context = $"seed {seed}, step {step}, after: {string.Join("; ", trace.TakeLast(6))}";
            actualHits.ShouldBe(expectedHits, context);
            session.Query<D>().OrderBy(d => (d.AId, d.BId)).ShouldBe(expectedDerived.OrderBy(d => (d.AId, d.BId)), context);
        }
    }

    private static string Apply(Random random, ISession session, List<Item> facts, ref int nextId)
    {
        var roll = random.Next(100);
        if (facts.Count == 0 || roll < 40)
        {
            var key = random.Next(4);
            var val = random.Next(6);
            Item item = random.Next(3) switch
            {
                0 => new A(nextId++, key, val),
                1 => new B(nextId++, key, val),
                _ => new C(nextId++, key, val),
            };
            facts.Add(item);
            session.Insert(item);
            return $"insert {item}";
        }
        var target = facts[random.Next(facts.Count)];
        if (roll < 75)
        {
            if (random.Next(2) == 0)
            {
                target.Key = random.Next(4);
            }
            else
            {
                target.Val = random.Next(6);
            }
            session.Update(target);
            return $"update {target}";
        }
        if (roll < 90)
        {
            facts.Remove(target);
            session.Retract(target);
            return $"retract {target}";
        }
        session.Retract(target);
        session.Insert(target);
        return $"retract+insert {target}";
    }
}
