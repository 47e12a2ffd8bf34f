using NetDoctor.Engine;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Running;
using NetDoctor.Packs.Tests.TestFacts;

namespace NetDoctor.Packs.Tests.Hostile;

/// <summary>
/// Issue 13, item 18: the firing-budget message says what happened. One non-cyclic rule with too many matches (a
/// diagnosis per pair of routes) is not "rules re-activating each other".
/// </summary>
public sealed class FiringBudgetMessageTests
{
    [Theory]
    [InlineData(EngineKind.Indexed)]
    [InlineData(EngineKind.NRules)]
    public void One_rule_with_too_many_matches_is_named_alone_with_its_firings_and_the_fixed_limit(EngineKind engine)
    {
        var dir = PairsPack("every-pair");
        try
        {
            var packs = PackLoader.Load(dir, TestCatalog.Instance);
            packs.HasErrors.ShouldBeFalse(string.Join("\n", packs.Diagnostics));

            var run = new DiagnosisRunner(packs, engine).Run(HostilePack.Routes(60), maxFirings: 1_000);

            run.ErrorRuleIds.ShouldBe(["pairs/every-pair"]);
            run.Error.ShouldBe(
                "rule pairs/every-pair alone kept firing (1,000 firings, 1,000 derived facts in working memory) and the run was " +
                "stopped at the limit of 1,000 rule firings per run: no other rule was firing with it, so this is not a cycle " +
                "between rules; the rule re-activates itself (it changes a fact it matches) or has that many matches. Narrow its " +
                "conditions. The limit is fixed (no option raises it), so that a run always ends.");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData(EngineKind.Indexed)]
    [InlineData(EngineKind.NRules)]
    public void Two_independent_rules_with_too_many_matches_are_not_called_a_cycle(EngineKind engine)
    {
        var dir = PairsPack("first", "second");
        try
        {
            // 870 matches each: neither reaches the budget alone, so both are among the last firings whatever order the
            // runtime fires them in (NRules fires one rule's matches before the other's, the indexed runtime interleaves them).
            var run = new DiagnosisRunner(PackLoader.Load(dir, TestCatalog.Instance), engine).Run(HostilePack.Routes(30), maxFirings: 1_000);

            run.ErrorRuleIds.ShouldBe(["pairs/first", "pairs/second"], ignoreOrder: true);
            run.Error.ShouldStartWith("rules pairs/");
            run.Error.ShouldContain("kept firing together and were stopped at the limit of 1,000 rule firings per run: none of " +
                "them matches what another derived, so this is not a cycle; each has that many matches.");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>A pack "pairs" with one rule per name, each diagnosing every pair of routes with different metrics.</summary>
    private static string PairsPack(params string[] names)
    {
        var dir = Path.Combine(Path.GetTempPath(), "nd-budget-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(dir, "rules"));
        File.WriteAllText(Path.Combine(dir, "pack.yaml"), """
            apiVersion: netdoctor/v1
            kind: RulePack
            name: pairs
            version: 1.0.0
            description: Rules with a match per pair of routes.
            maintainers: ["NetDoctor tests"]
            """);
        foreach (var name in names)
        {
            File.WriteAllText(Path.Combine(dir, "rules", name + ".yaml"), $$$"""
                apiVersion: netdoctor/v1
                kind: Rule
                id: pairs/{{{name}}}
                title: Every pair
                severity: info
                when:
                  - fact: Route
                    as: a
                  - fact: Route
                    as: b
                    where: ["a.Metric != b.Metric"]
                then:
                  diagnose:
                    message: "{{ a.Metric }} and {{ b.Metric }}"
                """);
        }
        return dir;
    }
}
