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

    /// <summary>An `ipset list` with a node's own small set before a big selector set every node has (16 KB or more).</summary>
    private static string Ipsets(string hostAddress, int members = 2000) =>
        $"Name: cali40this-host\nType: hash:ip\nRevision: 4\nHeader: family inet hashsize 1024 maxelem 1048576\nSize in memory: 200\nReferences: 1\nNumber of entries: 1\nMembers:\n{hostAddress}\n\n" +
        $"Name: cali40s:namespace-a\nType: hash:net\nRevision: 7\nHeader: family inet hashsize 1024 maxelem 1048576\nSize in memory: 9000\nReferences: 1\nNumber of entries: {members}\nMembers:\n" +
        string.Concat(Enumerable.Range(0, members).Select(i => $"10.244.{i / 250}.{i % 250}\n"));

    [Fact]
    public void A_big_ipset_every_node_lists_is_parsed_once_with_each_node_s_own_lines_and_values()
    {
        using var dir = new TempDir();
        dir.File("k8s01/ipset-list.txt", Ipsets("192.168.0.1"));
        dir.File("k8s02/ipset-list.txt", Ipsets("192.168.0.2"));
        // k8s03's big set lacks its last member (and says so): its own parse, with its own problem.
        dir.File("k8s03/ipset-list.txt", Ipsets("192.168.0.3").Replace("10.244.7.249\n", ""));
        // The same layout, but k8s01's big set differs: k8s02's is parsed from its own text.
        using var alone = new TempDir();
        alone.File("k8s01/ipset-list.txt", Ipsets("192.168.0.1", members: 1999));
        alone.File("k8s02/ipset-list.txt", Ipsets("192.168.0.2"));

        var facts = BundleReader.Read([dir.Path]);
        var separate = BundleReader.Read([alone.Path]).Facts.Where(f => f.Node == "k8s02").Select(f => f.ToString()).ToList();

        facts.Facts.Where(f => f.Node == "k8s02").Select(f => f.ToString()).ShouldBe(separate);
        var members = facts.Facts.OfType<IpSetMember>().Where(m => m.Set == "cali40s:namespace-a").ToList();
        members.GroupBy(m => m.Node).Select(g => (g.Key, g.Count())).ShouldBe([("k8s01", 2000), ("k8s02", 2000), ("k8s03", 1999)]);
        members.First(m => m.Node == "k8s02").Source.ShouldBe(new Source("k8s02/ipset-list.txt", 19));
        facts.Facts.OfType<IpSetMember>().Where(m => m.Set == "cali40this-host").Select(m => m.Entry).ShouldBe(["192.168.0.1", "192.168.0.2", "192.168.0.3"]);
        facts.Problems.ShouldHaveSingleItem().Source.File.ShouldBe("k8s03/ipset-list.txt");
        // One parse: k8s02's big set is a copy of k8s01's (the same parsed parts); k8s03's differing set has its own.
        var big = facts.Facts.OfType<IpSet>().Where(set => set.Name == "cali40s:namespace-a").ToList();
        big[1].Dimensions.ShouldBeSameAs(big[0].Dimensions);
        big[2].Dimensions.ShouldNotBeSameAs(big[0].Dimensions);
    }

    [Fact]
    public void A_namespace_selector_set_of_a_hundred_members_is_parsed_once_too()
    {
        // 100 members, about 1.3 KB: the size of a namespace's set in a mid-sized cluster, shared like the big ones.
        using var dir = new TempDir();
        dir.File("k8s01/ipset-list.txt", Ipsets("192.168.0.1", members: 100));
        dir.File("k8s02/ipset-list.txt", Ipsets("192.168.0.2", members: 100));

        var facts = BundleReader.Read([dir.Path]);

        facts.Problems.ShouldBeEmpty();
        var sets = facts.Facts.OfType<IpSet>().Where(set => set.Name == "cali40s:namespace-a").ToList();
        sets.Select(set => (set.Node, set.Source.Line)).ShouldBe([("k8s01", 11), ("k8s02", 11)]);
        sets[1].Dimensions.ShouldBeSameAs(sets[0].Dimensions);
        facts.Facts.OfType<IpSetMember>().Count(m => m.Node == "k8s02" && m.Set == "cali40s:namespace-a").ShouldBe(100);
    }
}
