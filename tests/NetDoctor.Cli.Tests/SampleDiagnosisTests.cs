using System.Text.Json.Nodes;

namespace NetDoctor.Cli.Tests;

/// <summary>
/// Every bundled sample through `netdoctor run --format json`: incidents yield their rule ids (CONTRACTS.md §5) and
/// nothing unrelated at error or above; healthy bundles yield nothing at warning or above.
/// </summary>
public class SampleDiagnosisTests
{
    public static TheoryData<string, string[]> Incidents => new()
    {
        { "incident-000-ippool-overlap", ["calico/ippool-overlaps-node-network"] },
        { "incident-001-bgp-stray-interface", ["calico/bgp-peer-address-mismatch", "calico/bgp-session-down"] },
        { "incident-002-profile-drop-all", ["calico/profile-drop-all", "calico/controller-unauthorized"] },
        { "incident-003-no-default-route", ["node/no-route-to-service-cidr"] },
        { "incident-004-kube-proxy-no-cluster-cidr", ["kube-proxy/missing-cluster-cidr"] },
    };

    public static TheoryData<string> Healthy => new() { "healthy-calico-ipip", "healthy-kube-proxy-ipvs" };

    private static readonly string[] Related =
    [
        // Ids that may accompany an incident's own ids because they describe the same failure from another angle.
        "calico/bgp-session-down", "calico/bgp-peer-address-mismatch", "kube-proxy/cluster-cidr-is-service-cidr",
    ];

    [Theory]
    [MemberData(nameof(Incidents))]
    public async Task Incident_sample_yields_its_rule_ids_and_nothing_unrelated(string sample, string[] expected)
    {
        var result = await Cli.Run("run", "--bundle", Repo.Sample(sample), "--format", "json");

        result.ExitCode.ShouldBe(1, result.ToString());
        var diagnoses = result.Json["diagnoses"]!.AsArray();
        var ids = diagnoses.Select(d => (string)d!["ruleId"]!).ToHashSet();
        foreach (var id in expected) ids.ShouldContain(id, result.Out);

        var allowed = expected.Concat(Related.Where(r => r.Split('/')[0] == expected[0].Split('/')[0])).ToHashSet();
        var unrelated = diagnoses
            .Where(d => (string)d!["severity"]! is "error" or "critical")
            .Select(d => (string)d!["ruleId"]!)
            .Where(id => !allowed.Contains(id))
            .ToList();
        unrelated.ShouldBeEmpty(result.Out);
    }

    [Theory]
    [MemberData(nameof(Healthy))]
    public async Task Healthy_sample_has_no_diagnosis_at_warning_or_above(string sample)
    {
        var result = await Cli.Run("run", "--bundle", Repo.Sample(sample), "--format", "json");

        var serious = result.Json["diagnoses"]!.AsArray()
            .Where(d => (string)d!["severity"]! is not "info")
            .Select(d => $"{d!["ruleId"]}: {d["message"]}")
            .ToList();
        serious.ShouldBeEmpty(result.Out);
        result.ExitCode.ShouldBe(0, result.ToString());
    }

    [Theory]
    [MemberData(nameof(Incidents))]
    public async Task Every_diagnosis_explains_itself_with_sources_and_filled_in_remediation(string sample, string[] expected)
    {
        var result = await Cli.Run("run", "--bundle", Repo.Sample(sample), "--format", "json");

        foreach (var d in result.Json["diagnoses"]!.AsArray().Where(d => expected.Contains((string)d!["ruleId"]!)))
        {
            var evidence = d!["evidence"]!.AsArray();
            evidence.ShouldNotBeEmpty();
            evidence.ShouldContain(e => e!["source"] != null && ((string)e["source"]!).Contains(':'), "some evidence carries file:line");
            var remediation = d["remediation"]!.AsArray();
            remediation.ShouldNotBeEmpty();
            foreach (var step in remediation)
            {
                var text = (string?)step!["command"] ?? (string)step["description"]!;
                text.ShouldNotContain("{{");
            }
            ((string)d["message"]!).ShouldNotContain("{{");
        }
    }
}
