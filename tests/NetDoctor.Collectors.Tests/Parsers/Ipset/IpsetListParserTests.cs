using NetDoctor.Collectors.Parsers.Ipset;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.Ipset;

public sealed class IpsetListParserTests
{
    private static ParseResult Parse(string text) =>
        new IpsetListParser().Parse(new ParseInput("k8s01/ipset-list.txt", "k8s01", text));

    private static ParseResult Lab() => Parse(FixtureFiles.Parser("Ipset", "lab-ipset-list.txt"));

    [Fact]
    public void Lab_list_reads_every_set_and_member_without_problems()
    {
        var r = Lab();
        r.Problems.ShouldBeEmpty();
        r.Facts.OfType<IpSet>().Count().ShouldBe(8);
        r.Facts.OfType<IpSetMember>().Count().ShouldBe(12);
    }

    [Fact]
    public void Header_fields_are_typed()
    {
        var set = Lab().Facts.OfType<IpSet>().Single(s => s.Name == "cali40masq-ipam-pools");
        set.Source.Line.ShouldBe(1);
        set.Type.ShouldBe("hash:net");
        set.Method.ShouldBe(IpSetMethod.Hash);
        set.Dimensions.ShouldBe([IpSetDimension.Net]);
        set.Family.ShouldBe(IpFamily.Inet);
        set.Revision.ShouldBe(7);
        set.HashSize.ShouldBe(1024);
        set.MaxElem.ShouldBe(1048576);
        set.BucketSize.ShouldBe(12);
        set.InitVal.ShouldBe(0xded8a10eu);
        set.SizeInMemory.ShouldBe(504);
        set.References.ShouldBe(2);
        set.NumberOfEntries.ShouldBe(1);
    }

    [Fact]
    public void Members_carry_cidrs_ports_and_options_at_their_lines()
    {
        var members = Lab().Facts.OfType<IpSetMember>().ToList();
        var pool = members.Single(m => m.Source.Line == 9);
        pool.Set.ShouldBe("cali40masq-ipam-pools");
        pool.Cidr.ShouldBe(Cidr.Parse("192.168.0.0/16"));

        var nomatch = members.Single(m => m.Source.Line == 19);
        nomatch.NoMatch.ShouldBeTrue();
        nomatch.Cidr.ShouldBe(Cidr.Parse("10.244.0.0/16"));

        members.Single(m => m.Source.Line == 30).Comment.ShouldBe("k8s01");
        members.Single(m => m.Source.Line == 30).Cidr!.Value.IsHost.ShouldBeTrue();

        var dns = members.Single(m => m.Source.Line == 41);
        (dns.Cidr, dns.Protocol, dns.Port).ShouldBe((Cidr.Parse("10.96.0.10"), "udp", 53));

        var loop = members.Single(m => m.Source.Line == 53);
        loop.SecondCidr.ShouldBe(Cidr.Parse("192.168.236.10"));
        loop.Port.ShouldBe(8080);

        members.Single(m => m.Source.Line == 63).Port.ShouldBe(30080);
        var timed = members.Single(m => m.Source.Line == 73);
        (timed.Timeout, timed.Packets, timed.Bytes).ShouldBe((299, 0L, 0L));
        members.Single(m => m.Source.Line == 83).Cidr.ShouldBe(Cidr.Parse("fd00:10::/64"));
    }

    [Fact]
    public void Set_header_flags_and_bitmap_range()
    {
        var sets = Lab().Facts.OfType<IpSet>().ToList();
        sets.Single(s => s.Name == "cali40all-hosts-net").Comment.ShouldBeTrue();
        var timeouts = sets.Single(s => s.Name == "nd-timeouts");
        (timeouts.Timeout, timeouts.Counters).ShouldBe((600, true));
        var bitmap = sets.Single(s => s.Name == "KUBE-NODE-PORT-TCP");
        (bitmap.Method, bitmap.Range, bitmap.Family).ShouldBe((IpSetMethod.Bitmap, "0-65535", IpFamily.Unknown));
        sets.Single(s => s.Name == "cali60all-ipam-pools").Family.ShouldBe(IpFamily.Inet6);
        sets.Single(s => s.Name == "KUBE-LOOP-BACK").Dimensions.ShouldBe([IpSetDimension.Ip, IpSetDimension.Port, IpSetDimension.Ip]);
    }

    [Fact]
    public void Seed_000_retyped_output_is_read_leniently_with_warnings()
    {
        var r = Parse(FixtureFiles.Parser("Ipset", "seed-000-ipset-list.txt"));
        var sets = r.Facts.OfType<IpSet>().ToList();
        sets.Select(s => s.Name).ShouldBe(["cali40masq-ipam-pools", "cali40all-ipam-pools"]);
        sets[0].Type.ShouldBe("hash:net");
        sets[0].SizeInMemory.ShouldBe(504);
        sets[1].Revision.ShouldBe(7);
        sets[1].NumberOfEntries.ShouldBe(1);
        var members = r.Facts.OfType<IpSetMember>().ToList();
        members.Select(m => (m.Set, m.Cidr, m.Source.Line)).ShouldBe([
            ("cali40masq-ipam-pools", (Cidr?)Cidr.Parse("192.168.0.0/16"), 9),
            ("cali40all-ipam-pools", (Cidr?)Cidr.Parse("192.168.0.0/16"), 18)]);
        r.Problems.Select(p => p.Source.Line).ShouldBe([2, 17]);
    }

    [Fact]
    public void Truncated_member_list_is_reported_against_the_declared_count()
    {
        var text = string.Join('\n', FixtureFiles.Parser("Ipset", "lab-ipset-list.txt").Split('\n').Take(19));
        var r = Parse(text);
        r.Problems.ShouldContain(p => p.Source.Line == 11 && p.Message.Contains("declares 2 entries but 1"));
    }

    [Fact]
    public void Element_that_does_not_fit_the_type_is_kept_raw_and_reported()
    {
        var r = Parse("Name: s\nType: hash:ip,port\nHeader: family inet\nMembers:\n10.0.0.1\n10.0.0.2,tcp:80\n");
        var bad = r.Facts.OfType<IpSetMember>().Single(m => m.Source.Line == 5);
        bad.Entry.ShouldBe("10.0.0.1");
        r.Problems.ShouldContain(p => p.Source.Line == 5);
        r.Facts.OfType<IpSetMember>().Single(m => m.Source.Line == 6).Port.ShouldBe(80);
    }

    [Theory]
    [InlineData("k8s01/ipset-list.txt", "Name: a\n", 100)]
    [InlineData("diagnostics/ipsets", "", 100)]
    [InlineData("diagnostics/ipsets", "create a hash:net family inet\n", 0)]
    [InlineData("x.txt", "Name: a\nType: hash:net\n", 90)]
    [InlineData("x.txt", "*filter\n", 0)]
    public void Sniff(string name, string head, int expected) => new IpsetListParser().Sniff(name, head).ShouldBe(expected);
}

public sealed class IpsetSaveParserTests
{
    private static ParseResult Parse(string text) =>
        new IpsetSaveParser().Parse(new ParseInput("k8s01/ipset-save.txt", "k8s01", text));

    [Fact]
    public void Lab_save_gives_the_same_sets_and_members_as_list()
    {
        var save = Parse(FixtureFiles.Parser("Ipset", "lab-ipset-save.txt"));
        save.Problems.ShouldBeEmpty();
        var list = new IpsetListParser().Parse(new ParseInput("l", "k8s01", FixtureFiles.Parser("Ipset", "lab-ipset-list.txt")));
        save.Facts.OfType<IpSetMember>().Select(m => (m.Set, m.Entry, m.Cidr, m.Port, m.NoMatch, m.Comment))
            .ShouldBe(list.Facts.OfType<IpSetMember>().Select(m => (m.Set, m.Entry, m.Cidr, m.Port, m.NoMatch, m.Comment)));
        var set = save.Facts.OfType<IpSet>().Single(s => s.Name == "nd-timeouts");
        (set.Source.Line, set.Timeout, set.Counters, set.Type).ShouldBe((17, (int?)600, true, "hash:ip"));
        save.Facts.OfType<IpSetMember>().Single(m => m.Source.Line == 4).NoMatch.ShouldBeTrue();
    }

    [Fact]
    public void Add_to_unknown_set_is_a_member_and_a_problem()
    {
        var r = Parse("add ghost 10.0.0.0/8\n");
        r.Facts.OfType<IpSetMember>().Single().Cidr.ShouldBe(Cidr.Parse("10.0.0.0/8"));
        r.Problems.Single().Source.Line.ShouldBe(1);
    }

    [Theory]
    [InlineData("k8s01/ipset-save.txt", "", 100)]
    [InlineData("x", "create a hash:net family inet\nadd a 10.0.0.0/8\n", 98)]
    [InlineData("x", "Name: a\n", 0)]
    public void Sniff(string name, string head, int expected) => new IpsetSaveParser().Sniff(name, head).ShouldBe(expected);
}

public sealed class IpsetListRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new IpsetListParser();
    protected override string Sample => FixtureFiles.Parser("Ipset", "lab-ipset-list.txt");
}

public sealed class IpsetSaveRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new IpsetSaveParser();
    protected override string Sample => FixtureFiles.Parser("Ipset", "lab-ipset-save.txt");
}
