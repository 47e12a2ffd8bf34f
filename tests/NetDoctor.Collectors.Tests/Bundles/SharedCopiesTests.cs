using NetDoctor.Collectors.Bundles;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Bundles;

/// <summary>
/// Content-addressed reading (issue 12): a file whose bytes another node already holds is parsed once; every copy gets
/// its own facts with its node and its own file in their sources, and a copy that differs is parsed on its own.
/// </summary>
public class SharedCopiesTests
{
    private const string Nat = """
        *nat
        :PREROUTING ACCEPT [0:0]
        :KUBE-SERVICES - [0:0]
        -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
        -A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m tcp --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y
        COMMIT

        """;

    [Fact]
    public void Identical_copies_share_one_parse_and_each_node_keeps_its_own_facts_and_sources()
    {
        using var dir = new TempDir();
        foreach (var node in new[] { "k8s01", "k8s02", "k8s03" }) dir.File($"{node}/iptables-save.txt", Nat);
        // k8s04's copy differs by one rule: it must be read from its own bytes.
        dir.File("k8s04/iptables-save.txt", Nat.Replace("10.96.0.1/32", "10.96.0.10/32"));

        var facts = BundleReader.Read([dir.Path]);

        facts.Problems.ShouldBeEmpty();
        var rules = facts.Facts.OfType<IptablesRule>().Where(r => r.Chain == "KUBE-SERVICES").ToList();
        rules.Select(r => r.Node).ShouldBe(["k8s01", "k8s02", "k8s03", "k8s04"]);
        foreach (var rule in rules)
        {
            rule.Source.ShouldBe(new Source($"{rule.Node}/iptables-save.txt", 5));
        }
        rules.Select(r => r.DestinationAddress!.Cidr.ToString()).ShouldBe(["10.96.0.1/32", "10.96.0.1/32", "10.96.0.1/32", "10.96.0.10/32"]);
        // One parse: the copies are distinct facts over the same parsed parts; the differing copy has parts of its own.
        rules[1].ShouldNotBeSameAs(rules[0]);
        rules[1].Matches.ShouldBeSameAs(rules[0].Matches);
        rules[2].Matches.ShouldBeSameAs(rules[0].Matches);
        rules[3].Matches.ShouldNotBeSameAs(rules[0].Matches);
        facts.Facts.Count(f => f.Node == "k8s02").ShouldBe(facts.Facts.Count(f => f.Node == "k8s01"));
    }

    [Fact]
    public void Shared_copies_read_the_same_facts_as_separate_parses()
    {
        using var dir = new TempDir();
        dir.File("k8s01/iptables-save.txt", Nat);
        dir.File("k8s02/iptables-save.txt", Nat);
        // The same layout, but k8s01's copy differs: k8s02's is parsed from its own bytes.
        using var alone = new TempDir();
        alone.File("k8s01/iptables-save.txt", Nat.Replace("443", "6443"));
        alone.File("k8s02/iptables-save.txt", Nat);

        var shared = BundleReader.Read([dir.Path]).Facts.Where(f => f.Node == "k8s02").Select(f => f.ToString()).ToList();
        var separate = BundleReader.Read([alone.Path]).Facts.Where(f => f.Node == "k8s02").Select(f => f.ToString()).ToList();

        shared.ShouldNotBeEmpty();
        shared.ShouldBe(separate);
    }
}
