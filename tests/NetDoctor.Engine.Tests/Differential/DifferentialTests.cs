namespace NetDoctor.Engine.Tests.Differential;

/// <summary>
/// Drives random insert/update/retract sequences through both runtimes at once and, after every Fire, compares each
/// one's current matches (Hits) and derived facts with <see cref="ReferenceEvaluator"/>'s from-scratch answer.
/// </summary>
public sealed class DifferentialTests
{
    private static readonly IReadOnlyList<(EngineKind Engine, ISessionFactory Factory)> Runtimes =
        [.. Enum.GetValues<EngineKind>().Select(e => (e, RuleRuntimes.Compile(e, DifferentialRules.Definitions())))];

    /// <summary>The same rules plus <see cref="FragileRules"/>, which fail on some values.</summary>
    private static readonly IReadOnlyList<(EngineKind Engine, ISessionFactory Factory)> FragileRuntimes =
        [.. Enum.GetValues<EngineKind>().Select(e => (e, RuleRuntimes.Compile(e, [.. DifferentialRules.Definitions(), .. FragileRules.Definitions()])))];

    public static IEnumerable<object[]> Seeds() => Enumerable.Range(0, 20).Select(i => new object[] { i * 20 });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Both_runtimes_match_the_reference_over_random_operation_sequences(int firstSeed)
    {
        // 20 theory cases x 20 seeds = 400 random sequences, each run on every runtime.
        for (var seed = firstSeed; seed < firstSeed + 20; seed++)
        {
            Run(seed);
        }
    }

    /// <summary>
    /// Fault isolation under random sequences: a rule that throws is disabled with what it (and what was derived from
    /// it) produced, on both runtimes alike, while every other rule keeps matching the reference.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void With_rules_that_fail_both_runtimes_match_the_reference(int firstSeed)
    {
        for (var seed = firstSeed; seed < firstSeed + 20; seed++)
        {
            Run(seed, fragile: true);
        }
    }

    [Fact]
    public void Long_sequences_over_few_facts_match_the_reference()
    {
        // Thousands of updates and retractions of a few dozen facts: enough for the indexed runtime to sweep stale
        // entries out of its right memories several times (it sweeps after 1,024 retractions), in the middle of joins,
        // quantifiers and aggregates that still hold the live facts.
        Run(seed: 7_001, steps: 1_000, maxFacts: 40);
    }

    private static void Run(int seed, int steps = 30, int maxFacts = int.MaxValue, bool fragile = false)
    {
        var random = new Random(seed);
        var sessions = (fragile ? FragileRuntimes : Runtimes).Select(r => (r.Engine, Session: r.Factory.CreateSession())).ToList();
        bool alphaFailed = false, actionFailed = false;
        var facts = new List<Item>();
        var nextId = 0;
        var trace = new List<string>();
        for (var step = 0; step < steps; step++)
        {
            var operations = random.Next(1, 4);
            for (var i = 0; i < operations; i++)
            {
                trace.Add(Apply(random, sessions.Select(s => s.Session).ToList(), facts, ref nextId, maxFacts));
                // An A with value 5 can only appear by an insert or update, which evaluates fragile's condition on it.
                alphaFailed |= fragile && facts.OfType<A>().Any(a => a.Val == 5);
            }
            // A B with value 4 now has a match fragile-action has not fired yet (else it would have failed before).
            actionFailed |= fragile && facts.OfType<B>().Any(b => b.Val == 4);
            var (expectedHits, expectedDerived) = ReferenceEvaluator.Evaluate([.. facts.OfType<A>()], [.. facts.OfType<B>()], [.. facts.OfType<C>()]);
            if (fragile)
            {
                expectedHits = [.. expectedHits.Concat(FragileRules.Expected([.. facts.OfType<A>()], [.. facts.OfType<B>()], alphaFailed, actionFailed)).Order(StringComparer.Ordinal)];
            }
            var context = $"seed {seed}, step {step}, after: {string.Join("; ", trace.TakeLast(6))}";
            foreach (var (engine, session) in sessions)
            {
                session.Fire();
                var actualHits = session.Query<Hit>().Select(h => h.ToString()).OrderBy(h => h, StringComparer.Ordinal).ToList();
                if (Difference(expectedHits, actualHits) is { } difference)
                {
                    Assert.Fail($"{engine} runtime differs from the reference in {difference} ({context})");
                }
                session.Query<D>().OrderBy(d => (d.AId, d.BId)).ShouldBe(expectedDerived.OrderBy(d => (d.AId, d.BId)), $"{engine} runtime, rule derive: {context}");
                // Nothing else lingers in working memory: the inserted facts, the hits and the derived facts are all of it.
                session.Query<object>().Count().ShouldBe(facts.Count + expectedHits.Count + expectedDerived.Count, $"{engine} runtime, working memory: {context}");
                string[] failed = [.. alphaFailed ? [FragileRules.Alpha] : Array.Empty<string>(), .. actionFailed ? [FragileRules.Action] : Array.Empty<string>()];
                session.RuleFailures.Select(f => f.RuleId).Order(StringComparer.Ordinal).ToArray().ShouldBe(failed, $"{engine} runtime, rule failures: {context}");
            }
        }
    }

    /// <summary>The rules whose hits differ, with what is missing and what is extra; null when all agree.</summary>
    private static string? Difference(List<string> expected, List<string> actual)
    {
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        if (missing.Count == 0 && extra.Count == 0 && expected.Count == actual.Count)
        {
            return null;
        }
        static string RuleOf(string hit) => hit[..hit.IndexOf(':')];
        var rules = missing.Concat(extra).Select(RuleOf).Distinct().Order().ToList();
        return $"rule(s) {string.Join(", ", rules.Count > 0 ? rules : ["(duplicated hits)"])}: missing [{string.Join("; ", missing)}], extra [{string.Join("; ", extra)}]";
    }

    private static string Apply(Random random, List<ISession> sessions, List<Item> facts, ref int nextId, int maxFacts)
    {
        var roll = facts.Count >= maxFacts ? random.Next(40, 100) : random.Next(100);
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
            sessions.ForEach(s => s.Insert(item));
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
            sessions.ForEach(s => s.Update(target));
            return $"update {target}";
        }
        if (roll < 90)
        {
            facts.Remove(target);
            sessions.ForEach(s => s.Retract(target));
            return $"retract {target}";
        }
        sessions.ForEach(s =>
        {
            s.Retract(target);
            s.Insert(target);
        });
        return $"retract+insert {target}";
    }
}
