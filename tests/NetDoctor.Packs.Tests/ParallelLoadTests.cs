using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Tests.TestFacts;

namespace NetDoctor.Packs.Tests;

/// <summary>
/// Rules are compiled on several threads (<see cref="PackLoadOptions.MaxParallelism"/>): what a load gives back — rules,
/// their order, and every problem in its order — must be what a one-rule-after-another load gives, whichever thread
/// finishes first.
/// </summary>
public class ParallelLoadTests
{
    /// <summary>Every fixture pack at once: good ones, and broken ones with schema, syntax, type, template, sandbox and lint problems.</summary>
    private static IReadOnlyList<string> FixturePacks =>
        Directory.GetDirectories(Path.Combine(Fixtures.Root, "packs")).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Fixture_packs_load_the_same_rules_and_problems_in_the_same_order_on_one_thread_and_on_several()
    {
        var sequential = Summary(PackLoader.LoadAll(FixturePacks, new PackLoadOptions(TestCatalog.Instance) { MaxParallelism = 1 }));

        sequential.Problems.Count.ShouldBeGreaterThan(20);
        sequential.Problems.ShouldContain(p => p.Contains("type-check", StringComparison.Ordinal));
        sequential.Rules.Count.ShouldBeGreaterThan(10);
        for (int run = 0; run < 5; run++)
        {
            var parallel = Summary(PackLoader.LoadAll(FixturePacks, new PackLoadOptions(TestCatalog.Instance) { MaxParallelism = 4 }));
            parallel.Rules.ShouldBe(sequential.Rules);
            parallel.Problems.ShouldBe(sequential.Problems);
        }
    }

    [Fact]
    public void Built_in_packs_load_the_same_rules_and_conditions_on_one_thread_and_on_several()
    {
        string builtIn = Path.Combine(Fixtures.RepoRoot, "rulepacks");
        var sequential = PackLoader.LoadAll([builtIn], new PackLoadOptions() { MaxParallelism = 1 });
        var parallel = PackLoader.LoadAll([builtIn], new PackLoadOptions() { MaxParallelism = 4 });

        sequential.Rules.Count().ShouldBeGreaterThan(30);
        Summary(parallel).Rules.ShouldBe(Summary(sequential).Rules);
        Summary(parallel).Problems.ShouldBe(Summary(sequential).Problems);
        parallel.Rules.Select(Conditions).ShouldBe(sequential.Rules.Select(Conditions));
    }

    private static (List<string> Rules, List<string> Problems) Summary(LoadedPacks packs) =>
        (packs.Rules.Select(r => $"{r.Pack} {r.Id}").ToList(),
         packs.Diagnostics.Select(d => $"{d.Severity} {d.Code} {d}").ToList());

    private static string Conditions(Compilation.CompiledRule rule) =>
        rule.Id + ": " + string.Join(" | ", rule.ConditionTexts.Values.Order(StringComparer.Ordinal));
}
