using NetDoctor.Collectors.Bundles;
using NetDoctor.Collectors.Sniffing;
using NetDoctor.Collectors.Tests.Bundles;

namespace NetDoctor.Collectors.Tests.Sniffing;

/// <summary>
/// Outputs pasted from the five incidents (seeds) and real captures from the lab (the parser tests' fixtures),
/// saved under the kind of names people give them, must be recognised by content with the real parser catalog.
/// </summary>
public class PastedOutputSniffTests
{
    private static string Pasted(string name) => FixturePath.Path("Sniffing", "Fixtures", "pasted", name);

    [Theory]
    [InlineData("qinweiwei-2-ip-r", "ip-route")]
    [InlineData("pri-chain.txt", "iptables-list")]
    [InlineData("k8s02-routes.out", "route-n")]
    [InlineData("peers", "calicoctl-node-status")]
    [InlineData("all-pools-set", "ipset-list")]
    [InlineData("nat-rules-good-node", "iptables-save")]
    [InlineData("ipvs.txt", "ipvsadm")]
    [InlineData("kube-ipvs0.txt", "ip-addr")]
    [InlineData("calico-node-7kvkf", "container-log")]
    [InlineData("controller-logs.txt", "container-log")]
    [InlineData("policy-controller.out", "container-log")]
    [InlineData("addresses.json", "ip-addr-json")]
    [InlineData("policy-rules", "ip-rule")]
    [InlineData("links.txt", "ip-link")]
    [InlineData("kernel-settings", "sysctl")]
    [InlineData("sets-from-lab", "ipset-list")]
    [InlineData("saved-sets", "ipset-save")]
    [InlineData("proxy.conf", "component-config")]
    [InlineData("ps-output", "processes")]
    [InlineData("bgp-sessions", "bird-protocols")]
    [InlineData("rules-dump", "iptables-save")]
    [InlineData("nat-S", "iptables-save")]
    public void Is_recognised_by_content(string file, string kind)
    {
        string text = File.ReadAllText(Pasted(file));

        var result = new FormatSniffer().Sniff(file, FormatSniffer.Head(text));

        (file, result.Match?.Kind).ShouldBe((file, kind), result.DescribeCandidates(5));
    }

    [Fact]
    public void The_folder_reads_as_one_node_without_unrecognised_files()
    {
        var facts = BundleReader.Read([FixturePath.Path("Sniffing", "Fixtures", "pasted")]);

        facts.Files.ShouldAllBe(f => f.Kind != null, string.Join("; ", facts.Problems.Select(p => p.ToString())));
        facts.Inputs.Single().NodeOrigin.ShouldBe("folder-name");
        facts.Facts.Count.ShouldBeGreaterThan(30);
    }
}
