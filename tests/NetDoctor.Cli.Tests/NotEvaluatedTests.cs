using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace NetDoctor.Cli.Tests;

/// <summary>
/// The not-evaluated report: a diagnose rule whose inputs were not read is listed (per node when a node lacks what other
/// nodes have) instead of silence reading as health; a rule that can use any of several inputs is not listed while one
/// of them is there; a full sample lists nothing for rules whose inputs it holds.
/// </summary>
public sealed class NotEvaluatedTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("nd-not-evaluated-");

    public void Dispose() => _work.Delete(recursive: true);

    /// <summary>A copy of a sample without the files <paramref name="remove"/> names (relative paths; a trailing * removes by prefix).</summary>
    private string SampleWithout(string sample, params string[] remove)
    {
        string copy = Path.Combine(_work.FullName, $"{sample}-{Guid.NewGuid():N}");
        foreach (string file in Directory.EnumerateFiles(Repo.Sample(sample), "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(Repo.Sample(sample), file).Replace('\\', '/');
            if (remove.Any(r => r.EndsWith('*') ? relative.StartsWith(r[..^1], StringComparison.Ordinal) : relative == r)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(copy, relative))!);
            File.Copy(file, Path.Combine(copy, relative));
        }
        return copy;
    }

    private static List<(string Rule, string? Node, string Missing)> NotEvaluated(Cli.Result result) =>
        result.Json["notEvaluated"]!.AsArray()
            .Select(n => ((string)n!["ruleId"]!, (string?)n["node"], string.Join(",", n["missing"]!.AsArray().Select(m => (string)m!))))
            .ToList();

    [Fact]
    public async Task A_node_without_iptables_is_listed_for_each_rule_that_needs_them_while_the_other_node_has_them()
    {
        string bundle = SampleWithout("incident-002-profile-drop-all", "qinweiwei-2/iptables-nft-save.txt", "qinweiwei-2/iptables-legacy-save.txt", "qinweiwei-2/ip6tables-save.txt");

        var result = await Cli.Run("run", "--bundle", bundle, "--format", "json");

        NotEvaluated(result).ShouldBe([
            ("calico/profile-drop-all", "qinweiwei-2", "IptablesChain"),
            ("kube-proxy/missing-cluster-cidr", "qinweiwei-2", "IptablesChain,IptablesRule"),
        ], result.ToString());
    }

    [Fact]
    public async Task Text_summarises_what_could_not_be_checked_one_line_per_cause()
    {
        string bundle = SampleWithout("incident-002-profile-drop-all", "qinweiwei-2/iptables-nft-save.txt", "qinweiwei-2/iptables-legacy-save.txt", "qinweiwei-2/ip6tables-save.txt");

        var result = await Cli.RunAt(200, "run", "--bundle", bundle);

        result.Out.ShouldContain("2 rules could not be checked (inputs they need were not read):\n" +
                                 "  no IptablesChain from node qinweiwei-2: calico/profile-drop-all\n" +
                                 "  no IptablesChain, IptablesRule from node qinweiwei-2: kube-proxy/missing-cluster-cidr\n", Case.Sensitive, result.ToString());
    }

    [Fact]
    public async Task No_diagnoses_is_never_printed_alone_when_rules_could_not_be_checked()
    {
        // A kube-proxy cluster without Calico: the Calico rules had nothing to look at.
        var result = await Cli.RunAt(200, "run", "--bundle", Repo.Sample("healthy-kube-proxy-ipvs"));

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldContain("No diagnoses, but 6 rules could not be checked.");
        result.Out.ShouldContain("  no CalicoNode, CalicoProcessStatus in any input: calico/bgp-no-peers");
        result.Out.ShouldContain("  no CalicoNode in any input: calico/bgp-address-shared");
        result.Out.ShouldContain("  no BgpPeer in any input: calico/bgp-session-down");
        result.Out.ShouldContain("  no LogEvent in any input: 2 rules (calico/controller-refused-once, calico/controller-unauthorized)");
    }

    [Theory]
    [InlineData("healthy-calico-ipip")]
    [InlineData("incident-002-profile-drop-all")]
    [InlineData("incident-003-no-default-route")]
    public async Task A_full_sample_lists_no_rule_whose_inputs_it_holds(string sample)
    {
        var result = await Cli.Run("run", "--bundle", Repo.Sample(sample), "--format", "json");

        NotEvaluated(result).ShouldBeEmpty(result.ToString());
    }

    [Fact]
    public async Task A_rule_that_can_use_any_of_several_inputs_is_evaluated_while_one_is_there()
    {
        // Calico's pools come from IPPool resources or, without them, from Felix's ipsets.
        string withoutPools = SampleWithout("incident-000-ippool-overlap", "cluster/crd/ippools.crd.projectcalico.org.yaml");
        string withNeither = SampleWithout("incident-000-ippool-overlap", "cluster/crd/ippools.crd.projectcalico.org.yaml", "k8s-node01/ipset-list.txt");

        var ipsetsOnly = await Cli.Run("run", "--bundle", withoutPools, "--format", "json");
        var neither = await Cli.Run("run", "--bundle", withNeither, "--format", "json");

        NotEvaluated(ipsetsOnly).ShouldNotContain(n => n.Rule == "calico/ippool-overlaps-node-network", ipsetsOnly.ToString());
        ipsetsOnly.Json["diagnoses"]!.AsArray().ShouldContain(d => (string)d!["ruleId"]! == "calico/ippool-overlaps-node-network");
        NotEvaluated(neither).ShouldContain(("calico/ippool-overlaps-node-network", null, "IpPool,IpSetMember"), neither.ToString());
    }

    [Fact]
    public async Task Sarif_and_junit_carry_the_rules_that_could_not_be_checked_and_stay_valid()
    {
        string bundle = SampleWithout("incident-002-profile-drop-all", "qinweiwei-2/iptables-nft-save.txt", "qinweiwei-2/iptables-legacy-save.txt", "qinweiwei-2/ip6tables-save.txt");

        var sarif = await Cli.Run("run", "--bundle", bundle, "--format", "sarif");
        var junit = await Cli.Run("run", "--bundle", bundle, "--format", "junit");

        Schemas.ShouldBeValidSarif(sarif.Out, "run --format sarif with not-evaluated rules");
        var notifications = JsonNode.Parse(sarif.Out)!["runs"]![0]!["invocations"]![0]!["toolExecutionNotifications"]!.AsArray();
        notifications.ShouldContain(n => (string)n!["associatedRule"]!["id"]! == "calico/profile-drop-all" &&
                                         ((string)n["message"]!["text"]!).Contains("could not be checked on node qinweiwei-2: no IptablesChain"));

        Schemas.ShouldBeValidJUnit(junit.Out, "run --format junit with not-evaluated rules");
        var skipped = XDocument.Parse(junit.Out).Descendants("testcase")
            .Single(c => (string)c.Attribute("classname")! == "calico/profile-drop-all" && (string)c.Attribute("name")! == "qinweiwei-2").Element("skipped")!;
        ((string)skipped.Attribute("message")!).ShouldBe("not evaluated: no IptablesChain from node qinweiwei-2");
    }

    [Theory]
    [InlineData("markdown", "- no IptablesChain from node qinweiwei-2: calico/profile-drop-all")]
    [InlineData("github", "::warning title=netdoctor could not check::no IptablesChain from node qinweiwei-2: calico/profile-drop-all")]
    public async Task Markdown_and_github_name_each_cause(string format, string expected)
    {
        string bundle = SampleWithout("incident-002-profile-drop-all", "qinweiwei-2/iptables-nft-save.txt", "qinweiwei-2/iptables-legacy-save.txt", "qinweiwei-2/ip6tables-save.txt");

        var result = await Cli.Run("run", "--bundle", bundle, "--format", format);

        result.Out.ShouldContain(expected);
    }
}
