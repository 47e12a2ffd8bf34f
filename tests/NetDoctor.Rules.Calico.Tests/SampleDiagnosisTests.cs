using NetDoctor.Engine;
using NetDoctor.Rules.Calico.Tests.Support;

namespace NetDoctor.Rules.Calico.Tests;

/// <summary>
/// The built-in packs over the captured samples: each incident yields its contract ids and nothing unrelated at error
/// or above; healthy samples yield nothing at warning or above (CONTRACTS §5, issue 4 item 4).
/// </summary>
public sealed class SampleDiagnosisTests
{
    [Theory]
    [InlineData("incident-000-ippool-overlap", new[] { "calico/ippool-overlaps-node-network" })]
    [InlineData("incident-001-bgp-stray-interface", new[] { "calico/bgp-peer-address-mismatch", "calico/bgp-session-down" })]
    [InlineData("incident-002-profile-drop-all", new[] { "calico/profile-drop-all", "calico/controller-unauthorized" })]
    [InlineData("incident-003-no-default-route", new[] { "node/no-route-to-service-cidr" })]
    [InlineData("incident-004-kube-proxy-no-cluster-cidr", new[] { "kube-proxy/missing-cluster-cidr" })]
    public void Incident_sample_yields_its_rule_ids_and_nothing_unrelated(string sample, string[] expected)
    {
        var result = PackRun.Default.RunBundle(Path.Combine(RepoPaths.Samples, sample));
        var serious = result.Diagnoses.Where(d => d.Severity >= RuleSeverity.Error).Select(d => d.RuleId).Distinct().Order().ToList();

        serious.ShouldBe(expected.Order().ToList(), string.Join("\n", result.Diagnoses.Select(d => $"{d.RuleId}: {d.Message}")));
    }

    [Theory]
    [InlineData("healthy-calico-ipip")]
    [InlineData("healthy-kube-proxy-ipvs")]
    public void Healthy_sample_yields_nothing_at_warning_or_above(string sample)
    {
        var result = PackRun.Default.RunBundle(Path.Combine(RepoPaths.Samples, sample));

        result.Diagnoses.Where(d => d.Severity >= RuleSeverity.Warning)
            .ShouldBeEmpty(string.Join("\n", result.Diagnoses.Select(d => $"{d.RuleId}: {d.Message}")));
    }
}
