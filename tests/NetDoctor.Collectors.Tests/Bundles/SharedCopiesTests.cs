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

    /// <summary>A nat table big enough to be shared (16 KB or more): one Service rule per line.</summary>
    private static string BigNat(string firstService = "10.96.0.1")
    {
        var text = new System.Text.StringBuilder("*nat\n:PREROUTING ACCEPT [0:0]\n:KUBE-SERVICES - [0:0]\n");
        text.Append($"-A KUBE-SERVICES -d {firstService}/32 -p tcp -m tcp --dport 443 -j KUBE-SVC-FIRST\n");
        for (int i = 0; i < 400; i++) text.Append($"-A KUBE-SERVICES -d 10.97.{i / 250}.{i % 250}/32 -p tcp -m tcp --dport 80 -j KUBE-SVC-{i:D6}\n");
        return text.Append("COMMIT\n").ToString();
    }

    private static string Filter(int rules) =>
        "*filter\n:INPUT ACCEPT [0:0]\n" + string.Concat(Enumerable.Range(1, rules).Select(i => $"-A INPUT -s 10.0.0.{i}/32 -j ACCEPT\n")) + "COMMIT\n";

    [Fact]
    public void An_identical_table_in_files_that_differ_is_parsed_once_with_each_node_s_own_lines()
    {
        using var dir = new TempDir();
        // Each node's own filter table (of a different length) before the same nat table; k8s03's nat table differs.
        dir.File("k8s01/iptables-save.txt", Filter(1) + BigNat());
        dir.File("k8s02/iptables-save.txt", Filter(3) + BigNat());
        dir.File("k8s03/iptables-save.txt", Filter(2) + BigNat(firstService: "10.96.0.10"));

        var facts = BundleReader.Read([dir.Path]);

        facts.Problems.ShouldBeEmpty();
        var first = facts.Facts.OfType<IptablesRule>().Where(r => r.Chain == "KUBE-SERVICES" && r.Position == 1).ToList();
        first.Select(r => (r.Node, r.Source.File, r.Source.Line)).ShouldBe([
            ("k8s01", "k8s01/iptables-save.txt", 8),
            ("k8s02", "k8s02/iptables-save.txt", 10),
            ("k8s03", "k8s03/iptables-save.txt", 9),
        ]);
        first.Select(r => r.DestinationAddress!.Cidr.ToString()).ShouldBe(["10.96.0.1/32", "10.96.0.1/32", "10.96.0.10/32"]);
        first[1].Matches.ShouldBeSameAs(first[0].Matches);
        first[2].Matches.ShouldNotBeSameAs(first[0].Matches);
        // Every node has its whole nat table and its own filter rules.
        foreach (var node in new[] { "k8s01", "k8s02", "k8s03" })
            facts.Facts.OfType<IptablesRule>().Count(r => r.Node == node && r.Table == "nat").ShouldBe(401);
        facts.Facts.OfType<IptablesRule>().Where(r => r.Table == "filter").GroupBy(r => r.Node).Select(g => g.Count()).ShouldBe([1, 3, 2]);
        facts.Facts.OfType<IptablesTable>().Where(t => t.Name == "nat").Select(t => (t.Node, t.Source.Line, t.Rules)).ShouldBe([
            ("k8s01", 5, 401), ("k8s02", 7, 401), ("k8s03", 6, 401),
        ]);
    }
}
