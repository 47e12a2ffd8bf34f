using NetDoctor.Collectors.Parsers.Nft;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Sniffing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.Nft;

/// <summary>Rulesets captured with capture-nft.sh from rules programmed into a network namespace, and the lab's own capture.</summary>
public class NftRulesetParserTests
{
    private static ParseResult Parse(string file) =>
        new NftRulesetParser().Parse(ParserFixture.Input("Nft", file, "node01/nft-ruleset.txt", "node01"));

    [Fact]
    public void Kube_proxy_nftables_mode_tables_chains_rules_and_maps_at_their_lines()
    {
        var result = Parse("kube-proxy-nftables-cluster-cidr.txt");

        result.Problems.ShouldBeEmpty();
        var table = result.Facts.OfType<NftTable>().ShouldHaveSingleItem();
        (table.Family, table.Name, table.Comment, table.Complete, table.Source.Line).ShouldBe(("ip", "kube-proxy", "rules for kube-proxy", true, 1));
        var output = result.Facts.OfType<NftChain>().Single(c => c.Name == "nat-output");
        (output.Type, output.Hook, output.Priority, output.Policy, output.Source.Line).ShouldBe(("nat", "output", "-100", "accept", 89));
        result.Facts.OfType<NftChain>().Single(c => c.Name == "filter-prerouting-pre-dnat").Priority.ShouldBe("dstnat - 10");

        var masq = result.Facts.OfType<NftRule>().Single(r => r.Source.Line == 123);
        masq.Chain.ShouldBe("service-2QRHZV4L-default/kubernetes/tcp/https");
        masq.Statements.ShouldBe(["ip daddr 10.20.0.1", "tcp dport 443", "ip saddr != 172.16.128.0/17", "jump mark-for-masquerade"]);
        (masq.Verdict, masq.Target, masq.Position).ShouldBe(("jump", "mark-for-masquerade", 1));
        masq.ValueOf("ip saddr !=").ShouldBe("172.16.128.0/17");

        var dnat = result.Facts.OfType<NftRule>().Single(r => r.Text == "meta l4proto tcp dnat to 10.19.9.120:6443");
        dnat.Nat.ShouldBe("dnat");
        dnat.Statements.ShouldBe(["meta l4proto tcp", "dnat to 10.19.9.120:6443"]);
        result.Facts.OfType<NftRule>().Single(r => r.Text == "masquerade fully-random").Nat.ShouldBe("masquerade");

        var services = result.Facts.OfType<NftSetElement>().Where(e => e.Set == "service-ips").ToList();
        services.Select(e => (e.Key, e.Value, e.Source.Line)).ShouldBe([
            ("10.20.0.10 . udp . 53", "goto service-FY5PMXPG-kube-system/kube-dns/udp/dns", 33),
            ("10.20.0.1 . tcp . 443", "goto service-2QRHZV4L-default/kubernetes/tcp/https", 33)]);
        result.Facts.OfType<NftSetElement>().Where(e => e.Set == "cluster-ips").Select(e => e.Cidr.ToString()).ShouldBe(["10.20.0.1/32", "10.20.0.10/32"]);
        result.Facts.OfType<NftSet>().Single(s => s.Name == "service-ips").IsMap.ShouldBeTrue();
        // kube-proxy's own table is not Calico's: no iptables facts are made up from it.
        result.Facts.OfType<IptablesRule>().ShouldBeEmpty();
    }

    [Fact]
    public void Without_a_cluster_cidr_the_service_chains_have_no_masquerade_decision()
    {
        var result = Parse("kube-proxy-nftables-no-cluster-cidr.txt");

        result.Problems.ShouldBeEmpty();
        // Service chains are "service-<hash>-<namespace>/<name>/<protocol>/<port>"; "service-endpoints-check" is not one.
        var serviceRules = result.Facts.OfType<NftRule>().Where(r => r.Chain.StartsWith("service-", StringComparison.Ordinal) && r.Chain.Contains('/')).ToList();
        serviceRules.Count.ShouldBe(2);
        serviceRules.ShouldNotContain(r => r.Has("ip saddr !="));
    }

    [Fact]
    public void Calico_nftables_dataplane_reads_as_felix_chains_rules_and_ipsets()
    {
        var result = Parse("calico-nftables.txt");

        result.Problems.ShouldBeEmpty();
        var natOutgoing = result.Facts.OfType<IptablesRule>().Single(r => r.Chain == "cali-nat-outgoing");
        (natOutgoing.Table, natOutgoing.Target.Kind, natOutgoing.Target.RandomFully, natOutgoing.Source.Line).ShouldBe(("nat", TargetKind.Masquerade, true, 28));
        natOutgoing.SetMatches.Select(s => (s.SetName, s.Negated, s.FirstFlag)).ShouldBe([
            ("cali40masq-ipam-pools", false, (Direction?)Direction.Source), ("cali40all-ipam-pools", true, (Direction?)Direction.Destination)]);
        natOutgoing.Comment.ShouldBe("cali:flqWnvo8yq4ULQLa");

        var drop = result.Facts.OfType<IptablesRule>().Single(r => r.Chain == "cali-pri-k8s_ns.default");
        (drop.Table, drop.Target.Kind, drop.Source.Line).ShouldBe(("filter", TargetKind.Drop, 70));
        result.Facts.OfType<IptablesChain>().Single(c => c.Name == "FORWARD").Policy.ShouldBe(TargetKind.Accept);
        result.Facts.OfType<IptablesRule>().Single(r => r.Chain == "cali-FORWARD" && r.Position == 1)
            .ShouldSatisfyAllConditions(r => r.Target.Kind.ShouldBe(TargetKind.Goto), r => r.Target.Chain.ShouldBe("cali-from-wl-dispatch"), r => r.InInterface!.Name.ShouldBe("cali+"));
        result.Facts.OfType<IptablesRule>().Where(r => r.Chain == "cali-pri-kns.kube-system").Select(r => r.Target.Kind).ShouldBe([TargetKind.Mark, TargetKind.Return]);

        result.Facts.OfType<IpSetMember>().Select(m => (m.Set, m.Cidr.ToString(), m.Source.Line)).ShouldBe([
            ("cali40all-ipam-pools", "192.168.0.0/16", 5), ("cali40masq-ipam-pools", "192.168.0.0/16", 11)]);
    }

    [Fact]
    public void Iptables_nft_tables_as_nft_shows_them_parse_without_problems()
    {
        var result = Parse("lab-iptables-nft-and-emulation.txt");

        result.Problems.ShouldBeEmpty();
        result.Facts.OfType<NftTable>().Select(t => t.Name).ShouldBe(["nat", "ndlab_ipvs_emulation"]);
        result.Facts.OfType<NftRule>().ShouldContain(r => r.Chain == "KUBE-SERVICES" && r.Statements.Contains("xt match set"));
    }

    [Fact]
    public void A_cut_paste_keeps_what_was_read_and_says_where_it_ends()
    {
        var text = ParserFixture.Text("Nft", "calico-nftables.txt");
        var cut = string.Join('\n', text.Split('\n').Take(29));

        var result = new NftRulesetParser().Parse(new ParseInput("paste.txt", null, "[root@k8s-node01 ~]# nft list ruleset\n" + cut));

        result.Facts.OfType<NftTable>().ShouldHaveSingleItem().Complete.ShouldBeFalse();
        result.Facts.OfType<IptablesRule>().Select(r => r.Source.Line).ShouldBe([17, 21, 22, 29]);
        result.Problems.ShouldHaveSingleItem().Message.ShouldContain("cut short");
    }

    [Theory]
    [InlineData("kube-proxy-nftables-cluster-cidr.txt")]
    [InlineData("calico-nftables.txt")]
    [InlineData("lab-iptables-nft-and-emulation.txt")]
    public void Recognised_by_content_under_any_name(string file)
    {
        var text = "$ sudo nft list ruleset\n" + ParserFixture.Text("Nft", file);

        new FormatSniffer().Sniff("paste-3.txt", FormatSniffer.Head(text)).Match?.Kind.ShouldBe("nft-ruleset");
    }
}
