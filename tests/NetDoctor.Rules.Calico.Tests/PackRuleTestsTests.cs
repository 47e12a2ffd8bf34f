using NetDoctor.Packs.Testing;
using NetDoctor.Rules.Calico.Tests.Support;

namespace NetDoctor.Rules.Calico.Tests;

/// <summary>
/// What `netdoctor vet rulepacks/&lt;pack&gt;` checks, through the Packs library: every RuleTest of the pack passes
/// (inline facts and fixture bundles) and every rule has a firing and a non-firing test.
/// </summary>
public sealed class PackRuleTestsTests
{
    private static readonly IFactSource Bundles = new DelegateFactSource(path => new FactSet(BundleFacts.Read(path), []));

    [Theory]
    [InlineData("calico")]
    [InlineData("kube-proxy")]
    [InlineData("node")]
    public void Every_rule_test_of_the_pack_passes(string pack)
    {
        var loaded = PackRun.LoadWithCSharpRules(RepoPaths.Pack(pack));
        var results = new RuleTestRunner(loaded, Bundles).RunAll();

        loaded.Errors.ShouldBeEmpty();
        results.ShouldNotBeEmpty();
        results.Where(r => !r.Passed).Select(r => $"{r.Name}: {string.Join("; ", r.Failures)}").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("calico")]
    [InlineData("kube-proxy")]
    [InlineData("node")]
    public void Every_rule_has_a_firing_and_a_non_firing_test(string pack)
    {
        var loaded = PackRun.LoadWithCSharpRules(RepoPaths.Pack(pack));
        var results = new RuleTestRunner(loaded, Bundles).RunAll();
        var ruleIds = loaded.Rules.Select(r => (r.Id, r.Document.IdMark))
            .Concat(pack == CalicoCSharpPack.Name ? CalicoCSharpPack.Rules().Select(r => (r.Name, NetDoctor.Packs.Model.SourceMark.None)) : []);
        var coverage = CoverageReport.Compute(ruleIds, results);

        coverage.Rules.Where(r => !r.Covered)
            .Select(r => $"{r.RuleId}: firing={r.HasFiringTest} non-firing={r.HasNonFiringTest}")
            .ShouldBeEmpty();
        coverage.Percent.ShouldBe(100);
    }
}
