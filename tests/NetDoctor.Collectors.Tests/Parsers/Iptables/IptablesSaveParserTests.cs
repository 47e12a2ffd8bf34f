using NetDoctor.Collectors.Parsers.Iptables;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.Iptables;

public sealed class IptablesSaveParserTests
{
    private static ParseResult Parse(string text, string path = "k8s01/iptables-legacy-save.txt") =>
        new IptablesSaveParser().Parse(new ParseInput(path, "k8s01", text));

    private static ParseResult Lab(string name) => Parse(FixtureFiles.Parser("Iptables", name), "k8s01/" + name);

    private static IptablesRule RuleAt(ParseResult r, int line) => r.Facts.OfType<IptablesRule>().Single(x => x.Source.Line == line);

    [Fact]
    public void Lab_legacy_dump_yields_tables_chains_and_rules_without_problems()
    {
        var r = Lab("lab-legacy-save.txt");
        r.Problems.ShouldBeEmpty();
        r.Facts.OfType<IptablesTable>().Select(t => t.Name).ShouldBe(["filter", "nat", "mangle", "raw"]);
        r.Facts.OfType<IptablesTable>().ShouldAllBe(t => t.Backend == IptablesBackend.Legacy && t.Committed);
        r.Facts.OfType<IptablesChain>().Count().ShouldBe(7 + 13 + 5 + 2);
        r.Facts.OfType<IptablesRule>().Count().ShouldBe(14 + 22 + 2 + 1);
        r.Facts.ShouldAllBe(f => f.Node == "k8s01" && f.Source.File == "k8s01/lab-legacy-save.txt");
    }

    [Fact]
    public void Chain_lines_carry_policy_counters_and_line()
    {
        var chains = Lab("lab-legacy-save.txt").Facts.OfType<IptablesChain>().ToList();
        var forward = chains.Single(c => c.Table == "filter" && c.Name == "FORWARD");
        forward.Policy.ShouldBe(TargetKind.Drop);
        forward.IsBuiltin.ShouldBeTrue();
        forward.Packets.ShouldBe(0);
        forward.Source.Line.ShouldBe(4);
        var user = chains.Single(c => c.Name == "cali-nat-outgoing");
        user.Table.ShouldBe("nat");
        user.IsBuiltin.ShouldBeFalse();
        user.Source.Line.ShouldBe(40);
    }

    [Fact]
    public void Calico_nat_outgoing_rule_is_fully_structured()
    {
        var rule = RuleAt(Lab("lab-legacy-save.txt"), 62);
        rule.Table.ShouldBe("nat");
        rule.Chain.ShouldBe("cali-nat-outgoing");
        rule.Position.ShouldBe(1);
        rule.Comment.ShouldBe("cali:flqWnvo8yg4ULQLa");
        rule.SetMatches.Count.ShouldBe(2);
        rule.SetMatches[0].SetName.ShouldBe("cali40masq-ipam-pools");
        rule.SetMatches[0].Negated.ShouldBeFalse();
        rule.SetMatches[0].Flags.ShouldBe([Direction.Source]);
        rule.SetMatches[1].SetName.ShouldBe("cali40all-ipam-pools");
        rule.SetMatches[1].Negated.ShouldBeTrue();
        rule.SetMatches[1].FirstFlag.ShouldBe(Direction.Destination);
        rule.SetMatches[1].Text.ShouldBe("! --match-set cali40all-ipam-pools dst");
        rule.Target.Kind.ShouldBe(TargetKind.Masquerade);
        rule.Target.RandomFully.ShouldBeTrue();
        rule.Target.Options.ShouldBeEmpty();
        rule.Packets.ShouldBe(0);
        rule.Text.ShouldStartWith("-A cali-nat-outgoing -m comment");
    }

    [Fact]
    public void Kube_proxy_rules_have_typed_addresses_ports_marks_and_targets()
    {
        var r = Lab("lab-legacy-save.txt");
        var masq = RuleAt(r, 55);
        masq.Chain.ShouldBe("KUBE-SERVICES");
        masq.Position.ShouldBe(1);
        masq.SourceAddress!.Negated.ShouldBeTrue();
        masq.SourceAddress.Cidr.ShouldBe(Cidr.Parse("192.168.0.0/16"));
        masq.DestinationAddress!.Cidr.ShouldBe(Cidr.Parse("10.96.0.1/32"));
        masq.Protocol.ShouldBe("tcp");
        masq.Matches.OfType<PortMatch>().Single().Range.ShouldBe(new PortRange(443, 443));
        masq.Target.Kind.ShouldBe(TargetKind.Jump);
        masq.Target.Chain.ShouldBe("KUBE-MARK-MASQ");
        masq.JumpsTo("KUBE-MARK-MASQ").ShouldBeTrue();

        var mark = RuleAt(r, 46).Target;
        mark.Kind.ShouldBe(TargetKind.Mark);
        mark.MarkOperation.ShouldBe(MarkOperation.SetXMark);
        mark.MarkValue.ShouldBe(0x4000u);
        mark.MarkMask.ShouldBe(0x4000u);

        var ret = RuleAt(r, 48);
        var m = ret.MarkMatches.Single();
        (m.Value, m.Mask, m.Negated).ShouldBe((0x4000u, (uint?)0x4000u, true));
        m.Matches(0x4000).ShouldBeFalse();

        var dnat = RuleAt(r, 52).Target;
        dnat.Kind.ShouldBe(TargetKind.Dnat);
        dnat.ToDestination.ShouldBe("192.168.21.11:6443");
        RuleAt(r, 52).Matches.OfType<ModuleMatch>().Single().Module.ShouldBe("tcp");

        var snat = RuleAt(r, 45).Target;
        snat.Kind.ShouldBe(TargetKind.Snat);
        snat.ToSource.ShouldBe("192.168.21.10");

        var stat = RuleAt(r, 58).Matches.OfType<StatisticMatch>().Single();
        stat.Mode.ShouldBe(StatisticMode.Random);
        stat.Probability.ShouldBe(0.5);
        RuleAt(r, 59).Position.ShouldBe(2);

        var nodeports = RuleAt(r, 57).AddrTypeMatches.Single();
        nodeports.DestinationType.ShouldBe(AddressType.Local);
        nodeports.DestinationNegated.ShouldBeFalse();
    }

    [Fact]
    public void Addrtype_with_negation_and_limit_iface_out()
    {
        var rule = RuleAt(Lab("lab-legacy-save.txt"), 61);
        rule.OutInterface!.Name.ShouldBe("tunl0");
        var types = rule.AddrTypeMatches;
        types.Count.ShouldBe(2);
        types[0].SourceType.ShouldBe(AddressType.Local);
        types[0].SourceNegated.ShouldBeTrue();
        types[0].LimitIfaceOut.ShouldBeTrue();
        types[1].SourceNegated.ShouldBeFalse();
    }

    [Fact]
    public void Filter_rules_conntrack_multiport_reject_log_goto_and_wildcards()
    {
        var r = Lab("lab-legacy-save.txt");
        var ct = RuleAt(r, 16).Matches.OfType<ConntrackMatch>().Single();
        ct.Module.ShouldBe("conntrack");
        ct.States.ShouldBe(["RELATED", "ESTABLISHED"]);
        RuleAt(r, 18).Matches.OfType<ConntrackMatch>().Single().Module.ShouldBe("state");
        RuleAt(r, 18).Target.Kind.ShouldBe(TargetKind.Goto);
        RuleAt(r, 18).Target.Chain.ShouldBe("cali-FORWARD");

        var mp = RuleAt(r, 22).Matches.OfType<MultiportMatch>().Single();
        mp.Direction.ShouldBe(Direction.Destination);
        mp.Ports.ShouldBe([new PortRange(22, 22), new PortRange(179, 179), new PortRange(6443, 6444)]);
        mp.Contains(6444).ShouldBeTrue();

        RuleAt(r, 15).Target.RejectWith.ShouldBe("icmp-port-unreachable");
        RuleAt(r, 14).Target.LogPrefix.ShouldBe("nd syn: ");
        var flags = RuleAt(r, 14).Matches.OfType<RawMatch>().Single();
        flags.Module.ShouldBe("tcp");
        flags.Text.ShouldBe("-m tcp --tcp-flags FIN,SYN,RST,ACK SYN");

        var fwd = RuleAt(r, 19);
        fwd.InInterface!.IsWildcard.ShouldBeTrue();
        fwd.InInterface.Matches("cali12d4a061371").ShouldBeTrue();
        fwd.InInterface.Matches("eth0").ShouldBeFalse();
        RuleAt(r, 23).IsUnconditional.ShouldBeTrue();
        RuleAt(r, 80).Target.Kind.ShouldBe(TargetKind.Other);
        RuleAt(r, 80).Target.Options.ShouldBe(["--notrack"]);
    }

    [Fact]
    public void Nft_variant_is_recognised_from_its_header()
    {
        var r = Lab("lab-nft-save.txt");
        r.Problems.ShouldBeEmpty();
        r.Facts.OfType<IptablesRule>().ShouldAllBe(x => x.Backend == IptablesBackend.Nft);
        r.Facts.OfType<IptablesRule>().Count().ShouldBe(39);
        var nat = r.Facts.OfType<IptablesRule>().Single(x => x.Chain == "cali-nat-outgoing");
        nat.SetMatches.Select(s => s.SetName).ShouldBe(["cali40masq-ipam-pools", "cali40all-ipam-pools"]);
    }

    [Fact]
    public void Ip6tables_dump_is_inet6()
    {
        var r = Lab("lab-ip6tables-save.txt");
        r.Problems.ShouldBeEmpty();
        var drop = r.Facts.OfType<IptablesRule>().Single(x => x.Target.Kind == TargetKind.Drop);
        drop.Family.ShouldBe(IpFamily.Inet6);
        drop.DestinationAddress!.Cidr.ShouldBe(Cidr.Parse("fd00:10::/64"));
        drop.InInterface!.Negated.ShouldBeTrue();
    }

    [Fact]
    public void Iptables_S_output_reads_policies_user_chains_and_rules()
    {
        var r = Parse(FixtureFiles.Parser("Iptables", "lab-legacy-S-nat.txt"));
        r.Problems.ShouldBeEmpty();
        r.Facts.OfType<IptablesChain>().Single(c => c.Name == "PREROUTING").Policy.ShouldBe(TargetKind.Accept);
        r.Facts.OfType<IptablesChain>().Single(c => c.Name == "KUBE-MARK-MASQ").IsBuiltin.ShouldBeFalse();
        r.Facts.OfType<IptablesRule>().Count().ShouldBe(22);
    }

    [Fact]
    public void Seed_000_retyped_rules_keep_typos_verbatim_and_join_continuations()
    {
        var r = Parse(FixtureFiles.Parser("Iptables", "seed-000-nat-S.txt"), "k8s01/pasted.txt");
        var rules = r.Facts.OfType<IptablesRule>().ToList();
        rules.Count.ShouldBe(2);
        rules.ShouldAllBe(x => x.Table == "nat");
        var post = rules[0];
        post.Source.Line.ShouldBe(2);
        post.Chain.ShouldBe("cali-POSTROUTING");
        var addr = post.AddrTypeMatches.First();
        addr.SourceType.ShouldBe(AddressType.Local);
        addr.SourceNegated.ShouldBeTrue();
        addr.LimitIfaceOut.ShouldBeTrue();
        post.Target.Kind.ShouldBe(TargetKind.Masquerade);
        post.Target.RandomFully.ShouldBeFalse();
        post.Target.Options.ShouldBe(["--randomm-fully"]);
        var nat = rules[1];
        nat.Source.Line.ShouldBe(4);
        nat.SetMatches.Select(s => (s.SetName, s.Negated)).ShouldBe([("cali40masg-ipam-pools", false), ("cali40all-ipam-pools", true)]);
        r.Problems.ShouldContain(p => p.Source.Line == 2 && p.Message.Contains("--randomm-fully"));
        r.Problems.ShouldContain(p => p.Source.Line == 4 && p.Message.Contains("--randomm-fully"));
    }

    [Fact]
    public void Seed_004_healthy_node_has_the_masquerade_mark_rule_and_the_broken_one_not()
    {
        static List<IptablesRule> Rules(string name) =>
            Parse(FixtureFiles.Parser("Iptables", name)).Facts.OfType<IptablesRule>().ToList();
        var healthy = Rules("seed-004-nat-healthy.txt");
        var mark = healthy.Single(x => x.Chain == "KUBE-SERVICES" && x.JumpsTo("KUBE-MARK-MASQ"));
        mark.SourceAddress!.Negated.ShouldBeTrue();
        mark.SourceAddress.Cidr.ShouldBe(Cidr.Parse("172.16.128.0/17"));
        mark.SetMatches.Single().Flags.ShouldBe([Direction.Destination, Direction.Destination]);
        mark.Source.Line.ShouldBe(11);
        healthy.Single(x => x.Source.Line == 10).SetMatches.Single().Flags.ShouldBe([Direction.Destination, Direction.Destination, Direction.Source]);

        var broken = Rules("seed-004-nat-broken.txt");
        broken.ShouldNotContain(x => x.Chain == "KUBE-SERVICES" && x.SourceAddress != null);
        broken.Single(x => x.Source.Line == 7).OutInterface!.Negated.ShouldBeTrue();
    }

    [Fact]
    public void Missing_commit_is_a_problem_at_the_table_header()
    {
        var r = Parse(FixtureFiles.Parser("Iptables", "seed-004-nat-broken.txt"));
        r.Problems.ShouldContain(p => p.Source.Line == 1 && p.Message.Contains("COMMIT"));
        r.Facts.OfType<IptablesTable>().Single().Committed.ShouldBeFalse();
    }

    [Fact]
    public void Chains_of_pasted_rules_without_declarations_exist_from_their_first_rule()
    {
        var r = Parse(FixtureFiles.Parser("Iptables", "seed-004-nat-broken.txt"));
        var chains = r.Facts.OfType<IptablesChain>().ToList();
        var services = chains.Single(c => c.Name == "KUBE-SERVICES");
        (services.Table, services.Source.Line, services.Policy).ShouldBe(("nat", 13, (TargetKind?)null));
        chains.Select(c => c.Name).ShouldBe(["PREROUTING", "OUTPUT", "POSTROUTING", "DOCKER", "KUBE-MARK-DROP", "KUBE-MARK-MASQ", "KUBE-POSTROUTING", "KUBE-SERVICES"]);
        r.Facts.OfType<IptablesTable>().Single().Chains.ShouldBe(0);
    }

    [Fact]
    public void A_user_prompt_naming_the_table_sets_it_for_the_rules_below()
    {
        var r = Parse("$ iptables -w -t nat -S | grep MASQ\n-A cali-nat-outgoing -m set --match-set cali40masq-ipam-pools src -j MASQUERADE\n");
        r.Problems.ShouldBeEmpty();
        r.Facts.OfType<IptablesRule>().Single().Table.ShouldBe("nat");
    }

    [Fact]
    public void A_declared_chain_is_not_inferred_again_from_its_rules()
    {
        var r = Parse("*nat\n:KUBE-SERVICES - [0:0]\n-A KUBE-SERVICES -j RETURN\n-A KUBE-NODEPORTS -j RETURN\nCOMMIT\n");
        r.Problems.ShouldBeEmpty();
        r.Facts.OfType<IptablesChain>().Select(c => (c.Name, c.Source.Line)).ShouldBe([("KUBE-SERVICES", 2), ("KUBE-NODEPORTS", 4)]);
    }

    [Fact]
    public void Counters_quotes_and_legacy_warning()
    {
        var text = """
            # Generated by iptables-nft-save v1.8.7 on Mon Jan  1 00:00:00 2024
            *nat
            :POSTROUTING ACCEPT [120:7200]
            [5:300] -A POSTROUTING -m comment --comment "say \"hi\" there" -j MASQUERADE --to-ports 1024-2048
            COMMIT
            # Warning: iptables-legacy tables present, use iptables-legacy-save to see them
            """;
        var r = Parse(text, "n/iptables-save.txt");
        r.Problems.ShouldBeEmpty();
        var rule = r.Facts.OfType<IptablesRule>().Single();
        (rule.Packets, rule.Bytes).ShouldBe((5L, 300L));
        rule.Comment.ShouldBe("say \"hi\" there");
        rule.Target.ToPorts.ShouldBe("1024-2048");
        r.Facts.OfType<IptablesChain>().Single().Bytes.ShouldBe(7200);
        r.Facts.OfType<IptablesTable>().Single().Backend.ShouldBe(IptablesBackend.Nft);
    }

    [Fact]
    public void Legacy_tables_present_warning_before_the_table_is_recorded()
    {
        var text = "# Warning: iptables-legacy tables present, use iptables-legacy-save to see them\n*filter\n:INPUT ACCEPT [0:0]\nCOMMIT\n";
        Parse(text).Facts.OfType<IptablesTable>().Single().LegacyTablesPresent.ShouldBeTrue();
    }

    [Fact]
    public void Unknown_modules_and_bad_values_are_kept_verbatim_and_reported()
    {
        var text = "*filter\n-A FORWARD -m physdev --physdev-is-bridged -s 10.0.0.300/8 -m mark --mark zz -j ACCEPT\n-A FORWARD -j ACCEPT\nCOMMIT\n";
        var r = Parse(text);
        var rule = r.Facts.OfType<IptablesRule>().First();
        rule.Matches.OfType<RawMatch>().Select(m => m.Text).ShouldBe(["-m physdev --physdev-is-bridged", "-s 10.0.0.300/8", "-m mark --mark zz"]);
        rule.Target.Kind.ShouldBe(TargetKind.Accept);
        r.Problems.Count(p => p.Source.Line == 2).ShouldBe(2);
        r.Facts.OfType<IptablesRule>().Last().Position.ShouldBe(2);
    }

    [Fact]
    public void Unterminated_quote_is_reported_and_the_rule_kept()
    {
        var r = Parse("*filter\n-A INPUT -m comment --comment \"never closed -j DROP\nCOMMIT\n");
        r.Problems.ShouldContain(p => p.Source.Line == 2 && p.Message.Contains("quote"));
        r.Facts.OfType<IptablesRule>().Single().Comment.ShouldBe("never closed -j DROP");
    }

    [Fact]
    public void Rule_text_is_the_line_without_counters_and_equal_rules_compare_equal()
    {
        var text = "*filter\n[7:420] -A INPUT -s 10.0.0.0/8 -j ACCEPT  \n-A INPUT \\\n  -s 10.0.0.0/8 -j ACCEPT\nCOMMIT\n";
        var rules = Parse(text).Facts.OfType<IptablesRule>().ToList();
        rules[0].Text.ShouldBe("-A INPUT -s 10.0.0.0/8 -j ACCEPT");
        rules[1].Text.ShouldBe("-A INPUT -s 10.0.0.0/8 -j ACCEPT");
        rules[0].Summary.ShouldBe("filter INPUT#1: -A INPUT -s 10.0.0.0/8 -j ACCEPT");
        // Same text, read from two different places (the dump, and a line joined from a continuation).
        (rules[0] with { Position = 2, Packets = null, Bytes = null, Source = rules[1].Source, Matches = rules[1].Matches }).ShouldBe(rules[1]);
        rules[0].ShouldNotBe(rules[1] with { Text = "-A INPUT -s 10.0.0.0/8 -j DROP" });
    }

    [Fact]
    public void Positions_count_per_chain_when_a_hand_edited_dump_comes_back_to_a_chain_and_restart_per_table()
    {
        var text = "*filter\n-A A -j ACCEPT\n-A A -j DROP\n-A B -j ACCEPT\n-A A -j RETURN\n-A B -j DROP\nCOMMIT\n*nat\n-A A -j ACCEPT\nCOMMIT\n";
        Parse(text).Facts.OfType<IptablesRule>().Select(r => $"{r.Table} {r.Chain}#{r.Position} {r.Target.Name}")
            .ShouldBe(["filter A#1 ACCEPT", "filter A#2 DROP", "filter B#1 ACCEPT", "filter A#3 RETURN", "filter B#2 DROP", "nat A#1 ACCEPT"]);
    }

    [Fact]
    public void A_group_or_target_read_once_twice_or_many_times_gives_the_same_facts_every_time()
    {
        // The parser reuses what it read when a text repeats; every sighting must still give equal matches and targets,
        // and a problem in a repeated group is reported on each line it appears on.
        var lines = Enumerable.Range(1, 5).Select(i =>
            $"-A KUBE-SEP-X -s 10.244.1.{i % 2}/32 -m comment --comment \"ns/svc:http\" -m mark --mark zz -j DNAT --to-destination 10.244.1.{i % 3}:8080");
        var r = Parse("*nat\n" + string.Join("\n", lines) + "\nCOMMIT\n");
        var rules = r.Facts.OfType<IptablesRule>().ToList();
        rules.Count.ShouldBe(5);
        for (int i = 0; i < 5; i++)
        {
            var rule = rules[i];
            int n = i + 1;
            rule.SourceAddress!.Cidr.ShouldBe(Cidr.Parse($"10.244.1.{n % 2}/32"));
            rule.Comment.ShouldBe("ns/svc:http");
            rule.Matches.OfType<RawMatch>().Single().Text.ShouldBe("-m mark --mark zz");
            rule.Target.Kind.ShouldBe(TargetKind.Dnat);
            rule.Target.ToDestination.ShouldBe($"10.244.1.{n % 3}:8080");
            rule.Matches.ShouldBe(rules[i % 2 == 0 ? 0 : 1].Matches);
        }
        r.Problems.Select(p => p.Source.Line).ShouldBe([2, 3, 4, 5, 6]);
    }

    [Theory]
    [InlineData("k8s01/iptables-nft-save.txt", "", 100)]
    [InlineData("diagnostics/ipv4_tables", "", 100)]
    [InlineData("pasted.txt", "# Generated by iptables-save v1.8.9\n*nat\n", 95)]
    [InlineData("pasted.txt", "*filter\n:INPUT ACCEPT [0:0]\n", 90)]
    [InlineData("pasted.txt", "-P INPUT ACCEPT\n-A INPUT -j ACCEPT\n", 60)]
    [InlineData("pasted.txt", "Name: x\nType: hash:net\n", 0)]
    public void Sniff(string name, string head, int expected) => new IptablesSaveParser().Sniff(name, head).ShouldBe(expected);
}

public sealed class IptablesSaveRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new IptablesSaveParser();
    protected override string Sample => FixtureFiles.Parser("Iptables", "lab-legacy-save.txt");
}

public sealed class IptablesSaveSeedRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new IptablesSaveParser();
    protected override string Sample => FixtureFiles.Parser("Iptables", "seed-004-nat-healthy.txt");
}
