using NetDoctor.Collectors.Parsers.Iptables;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.Iptables;

public sealed class IptablesListParserTests
{
    private static ParseResult Parse(string fixture) =>
        new IptablesListParser().Parse(new ParseInput("qinweiwei-2/" + fixture, "qinweiwei-2", FixtureFiles.Parser("Iptables", fixture)));

    [Fact]
    public void Seed_002_profile_chain_holds_a_single_drop()
    {
        var r = Parse("seed-002-profile-drop-L.txt");
        r.Problems.ShouldBeEmpty();
        var chain = r.Facts.OfType<IptablesChain>().Single();
        (chain.Table, chain.Name, chain.IsBuiltin, chain.Source.Line).ShouldBe(("filter", "cali-pri-k8s_ns.default", false, 1));
        var rule = r.Facts.OfType<IptablesRule>().Single();
        (rule.Chain, rule.Position, rule.Target.Kind, rule.Comment, rule.Source.Line).ShouldBe(("cali-pri-k8s_ns.default", 1, TargetKind.Drop, "cali:yVw1jR_AsGFo9Rpe", 3));
        rule.IsUnconditional.ShouldBeTrue();
        (rule.Packets, rule.Bytes).ShouldBe((0L, 0L));
    }

    [Fact]
    public void Seed_002_fixed_profile_marks_and_returns()
    {
        var rules = Parse("seed-002-profile-fixed-L.txt").Facts.OfType<IptablesRule>().ToList();
        var mark = rules[0].Target;
        (mark.Kind, mark.MarkOperation, mark.MarkValue).ShouldBe((TargetKind.Mark, (MarkOperation?)MarkOperation.Or, (uint?)0x1000000u));
        var ret = rules[1];
        ret.Target.Kind.ShouldBe(TargetKind.Return);
        var m = ret.MarkMatches.Single();
        (m.Value, m.Mask).ShouldBe((0x1000000u, (uint?)0x1000000u));
        ret.Position.ShouldBe(2);
    }

    [Fact]
    public void Seed_003_nat_listing_with_no_break_spaces()
    {
        var r = Parse("seed-003-kube-sep-nat-L.txt");
        r.Problems.ShouldBeEmpty();
        var rules = r.Facts.OfType<IptablesRule>().ToList();
        rules.ShouldAllBe(x => x.Table == "nat" && x.Chain == "KUBE-SEP-G5V522HWZT6RKRAC");
        rules[0].SourceAddress!.Cidr.ShouldBe(Cidr.Parse("192.168.56.3/32"));
        rules[0].DestinationAddress.ShouldBeNull();
        rules[0].Target.Chain.ShouldBe("KUBE-MARK-MASQ");
        var dnat = rules[1];
        (dnat.Packets, dnat.Bytes, dnat.Protocol, dnat.Target.Kind, dnat.Target.ToDestination, dnat.Source.Line)
            .ShouldBe(((long?)7, (long?)420, "tcp", TargetKind.Dnat, "192.168.56.3:6443", 5));
    }

    [Fact]
    public void Lab_listing_agrees_with_iptables_save_on_the_filter_table()
    {
        var r = Parse("lab-legacy-L-filter.txt");
        r.Problems.ShouldBeEmpty();
        var listed = r.Facts.OfType<IptablesRule>().ToList();
        var saved = new IptablesSaveParser().Parse(new ParseInput("s", "n", FixtureFiles.Parser("Iptables", "lab-legacy-save.txt")))
            .Facts.OfType<IptablesRule>().Where(x => x.Table == "filter").ToList();
        listed.Select(x => (x.Chain, x.Position, x.Target.Kind, x.Target.Name, x.Comment, x.Protocol))
            .ShouldBe(saved.Select(x => (x.Chain, x.Position, x.Target.Kind, x.Target.Name, x.Comment, x.Protocol)));
        var calicoInput = listed.Single(x => x.Chain == "cali-INPUT" && x.Position == 1);
        calicoInput.SetMatches.Single().SetName.ShouldBe("cali40all-hosts-net");
        calicoInput.AddrTypeMatches.Single().DestinationType.ShouldBe(AddressType.Local);
        listed.Single(x => x.Target.Kind == TargetKind.Goto).Target.Chain.ShouldBe("cali-FORWARD");
        listed.Single(x => x.Chain == "INPUT" && x.Position == 6).Matches.OfType<PortMatch>().Single().Range.ShouldBe(new PortRange(53, 53));
        listed.Single(x => x.Chain == "INPUT" && x.Position == 5).Target.LogPrefix.ShouldBe("nd syn: ");
        listed.Single(x => x.Chain == "FORWARD" && x.Position == 4).InInterface!.Name.ShouldBe("cali+");
        r.Facts.OfType<IptablesChain>().Single(c => c.Name == "FORWARD").Policy.ShouldBe(TargetKind.Drop);
    }

    [Theory]
    [InlineData("x", "Chain INPUT (policy ACCEPT)\ntarget     prot opt source               destination\n", 90)]
    [InlineData("x", "*filter\n", 0)]
    public void Sniff(string name, string head, int expected) => new IptablesListParser().Sniff(name, head).ShouldBe(expected);
}

public sealed class IptablesListRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new IptablesListParser();
    protected override string Sample => FixtureFiles.Parser("Iptables", "lab-legacy-L-filter.txt");
}
