using NetDoctor.Lab.Tests.Scenarios;
using Xunit.Abstractions;

namespace NetDoctor.Lab.Tests.Incidents;

/// <summary>
/// Incident 004 in kube-proxy's nftables mode, closed loop on real kernel state: kube-proxy's nftables table programmed on node01,
/// a real TCP connection from node01 to the ClusterIP, `netdoctor collect` inside the namespace (its nft-ruleset.txt is the
/// evidence), `netdoctor run`. The connection works — no ClusterIP is local in nftables mode — so netdoctor must read the mode and
/// the masquerade decision from the nftables ruleset and report the configuration at the severity whose premise holds.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class Incident004NftablesTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Without_a_cluster_cidr_the_node_still_connects_and_netdoctor_says_why_it_is_no_error()
    {
        await using var scenario = new KubeProxyNftablesCluster(clusterCidr: null);
        var diagnoses = await new IncidentFlow(output).ProbeAndDiagnoseAsync(scenario, ProbeOutcome.Connected);
        output.WriteLine(string.Join("\n", diagnoses));

        diagnoses.ShouldNotContain(d => d.RuleId == "kube-proxy/missing-cluster-cidr");
        diagnoses.Where(d => d.AtLeast("warning")).ShouldBeEmpty();
        var note = diagnoses.Where(d => d.RuleId == "kube-proxy/cluster-cidr-unset").ShouldHaveSingleItem();
        note.Node.ShouldBe("node01");
        note.Message.ShouldContain("runs in nftables mode");
        note.Message.ShouldContain("none of its 1 nftables service chains masquerade by source");
    }

    [SkippableFact]
    public async Task With_the_service_cidr_as_cluster_cidr_the_node_connects_and_netdoctor_warns_instead_of_the_ipvs_error()
    {
        await using var scenario = new KubeProxyNftablesCluster(clusterCidr: "10.20.0.0/16");
        var diagnoses = await new IncidentFlow(output).ProbeAndDiagnoseAsync(scenario, ProbeOutcome.Connected);
        output.WriteLine(string.Join("\n", diagnoses));

        diagnoses.ShouldNotContain(d => d.RuleId == "kube-proxy/cluster-cidr-is-service-cidr");
        diagnoses.Where(d => d.AtLeast("error")).ShouldBeEmpty();
        var warning = diagnoses.Where(d => d.RuleId == "kube-proxy/cluster-cidr-not-pod-network").ShouldHaveSingleItem();
        warning.Message.ShouldContain("nftables mode");
        warning.Message.ShouldContain("its nftables service chains decide \"10.20.0.0/16\", e.g. node01/nft-ruleset.txt:");
    }
}
