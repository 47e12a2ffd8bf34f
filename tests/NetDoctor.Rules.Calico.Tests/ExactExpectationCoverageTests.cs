using NetDoctor.Engine;
using NetDoctor.Packs.Inputs;
using NetDoctor.Rules.Calico.Tests.Support;

namespace NetDoctor.Rules.Calico.Tests;

/// <summary>
/// Substring expectations (`count`, `messageContains`) let a rule's output drift unnoticed, so every built-in rule — YAML
/// or C#, read from the pack model alike — has at least one test that pins its output exactly: a diagnose rule an
/// `expect.diagnoses`, a helper rule an `expect.derives`.
/// </summary>
public sealed class ExactExpectationCoverageTests
{
    [Theory]
    [InlineData("cluster")]
    [InlineData("calico")]
    [InlineData("kube-proxy")]
    [InlineData("node")]
    public void Every_rule_has_an_exact_expectation(string pack)
    {
        var loaded = PackRun.LoadWithCSharpRules(RepoPaths.Pack(pack));
        var thePack = loaded.Packs.Single(p => p.Name == pack);
        var diagnosing = RuleRoles.Diagnosing(loaded).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var tests = thePack.Tests;

        thePack.Model.Rules.ShouldNotBeEmpty();
        thePack.Model.Rules
            .Select(r => r.Id())
            .Where(id => diagnosing.Contains(id)
                ? !tests.Any(t => t.Rule == id && t.Expect.Diagnoses is { Count: > 0 })
                : !tests.Any(t => t.Rule == id && t.Expect.Derives is { Count: > 0 }))
            .Select(id => $"{id} has no test with exact {(diagnosing.Contains(id) ? "expect.diagnoses" : "expect.derives")}")
            .ShouldBeEmpty();
    }
}
