using NetDoctor.Engine;
using NetDoctor.Packs.Testing;
using NetDoctor.Rules.Calico.Tests.Support;

namespace NetDoctor.Rules.Calico.Tests;

/// <summary>
/// What `netdoctor vet rulepacks/&lt;pack&gt;` checks, through the Packs library: every RuleTest of the pack passes
/// (inline facts and fixture bundles) and every rule has a firing and a non-firing test.
/// </summary>
public sealed class PackRuleTestsTests
{
    private static readonly IFactSource Bundles = PackRun.Host.Bundles;

    [Theory]
    [InlineData("cluster", EngineKind.Indexed)]
    [InlineData("calico", EngineKind.Indexed)]
    [InlineData("kube-proxy", EngineKind.Indexed)]
    [InlineData("node", EngineKind.Indexed)]
    [InlineData("cluster", EngineKind.NRules)]
    [InlineData("calico", EngineKind.NRules)]
    [InlineData("kube-proxy", EngineKind.NRules)]
    [InlineData("node", EngineKind.NRules)]
    public void Every_rule_test_of_the_pack_passes(string pack, EngineKind engine)
    {
        var loaded = PackRun.LoadWithCSharpRules(RepoPaths.Pack(pack));
        var results = new RuleTestRunner(loaded, Bundles, engine: engine).RunAll();

        loaded.Errors.ShouldBeEmpty();
        results.ShouldNotBeEmpty();
        results.Where(r => !r.Passed).Select(r => $"{r.RuleId} / {r.Name}: {string.Join("; ", r.Failures)}").ShouldBeEmpty();
    }

    /// <summary>NRules.Runtime is the oracle: every pack test finds as many diagnoses (or derived facts) on both runtimes.</summary>
    [Theory]
    [InlineData("cluster")]
    [InlineData("calico")]
    [InlineData("kube-proxy")]
    [InlineData("node")]
    public void Both_runtimes_agree_on_every_pack_test(string pack)
    {
        var loaded = PackRun.LoadWithCSharpRules(RepoPaths.Pack(pack));
        var indexed = new RuleTestRunner(loaded, Bundles, engine: EngineKind.Indexed).RunAll();
        var nrules = new RuleTestRunner(loaded, Bundles, engine: EngineKind.NRules).RunAll();

        nrules.Select(r => $"{r.RuleId} / {r.Name}: {r.Count} passed={r.Passed}")
            .ShouldBe(indexed.Select(r => $"{r.RuleId} / {r.Name}: {r.Count} passed={r.Passed}"));
    }

    [Theory]
    [InlineData("cluster")]
    [InlineData("calico")]
    [InlineData("kube-proxy")]
    [InlineData("node")]
    public void Every_rule_has_a_firing_and_a_non_firing_test(string pack)
    {
        var loaded = PackRun.LoadWithCSharpRules(RepoPaths.Pack(pack));
        var results = new RuleTestRunner(loaded, Bundles).RunAll();
        var ruleIds = loaded.Rules.Where(r => r.Id.StartsWith(pack + "/", StringComparison.Ordinal)).Select(r => (r.Id, r.Document.IdMark))
            .Concat(pack == CalicoCSharpPack.Name ? CalicoCSharpPack.Rules().Select(r => (r.Name, NetDoctor.Packs.Model.SourceMark.None)) : []);
        var coverage = CoverageReport.Compute(ruleIds, results);

        coverage.Rules.Where(r => !r.Covered)
            .Select(r => $"{r.RuleId}: firing={r.HasFiringTest} non-firing={r.HasNonFiringTest}")
            .ShouldBeEmpty();
        coverage.Percent.ShouldBe(100);
    }
}
