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

    [Theory]
    [MemberData(nameof(Incidents))]
    public async Task Incident_sample_yields_its_rule_ids_and_nothing_unrelated(string sample, string[] expected)
    {
        var result = await Cli.Run("run", "--bundle", Repo.Sample(sample), "--format", "json");

        result.ExitCode.ShouldBe(1, result.ToString());
        var diagnoses = result.Json["diagnoses"]!.AsArray();
        var ids = diagnoses.Select(d => (string)d!["ruleId"]!).ToHashSet();
        foreach (var id in expected) ids.ShouldContain(id, result.Out);

        // Nothing unrelated at error or above: the serious findings are exactly the incident's own ids.
        var serious = diagnoses
            .Where(d => (string)d!["severity"]! is "error" or "critical")
            .Select(d => (string)d!["ruleId"]!)
            .ToHashSet();
        serious.ShouldBe(expected.ToHashSet(), ignoreOrder: true, result.Out);
    }

    [Theory]
    [InlineData("incident-000-ippool-overlap", "calico/ippool-overlaps-node-network", "IPPool default-ipv4-ippool (192.168.0.0/16, natOutgoing) overlaps the node network")]
    [InlineData("incident-001-bgp-stray-interface", "calico/bgp-peer-address-mismatch", "192.188.1.1")]
    [InlineData("incident-003-no-default-route", "node/no-route-to-service-cidr", "service CIDR 10.96.0.0/12")]
    public async Task Messages_name_the_real_objects_and_cidrs(string sample, string ruleId, string expected)
    {
        var result = await Cli.Run("run", "--bundle", Repo.Sample(sample), "--format", "json");
        result.Json["diagnoses"]!.AsArray()
            .Where(d => (string)d!["ruleId"]! == ruleId)
            .ShouldContain(d => ((string)d!["message"]!).Contains(expected), result.Out);
    }

    [Fact]
    public async Task The_stray_interface_fix_names_the_real_interface()
    {
        var result = await Cli.Run("run", "--bundle", Repo.Sample("incident-001-bgp-stray-interface"), "--format", "json");
        var mismatch = result.Json["diagnoses"]!.AsArray().First(d => (string)d!["ruleId"]! == "calico/bgp-peer-address-mismatch")!;
        ((string)mismatch["node"]!).ShouldBe("k8s02");
        mismatch["remediation"]!.AsArray().ShouldContain(r => ((string?)r!["command"] ?? "").Contains("ip link delete ens256"), result.Out);
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
