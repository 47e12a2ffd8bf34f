using System.Net;
using NetDoctor.Collectors.Parsers.CalicoctlGet;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.CalicoctlGet;

/// <summary>
/// `calicoctl get` tables. seed-002-get-profile.txt is the incident's own paste; the other fixtures are laid out the way
/// calicoctl's tab writer prints (minimum width 5, padding 3), since calicoctl has no datastore to talk to here.
/// </summary>
public sealed class CalicoctlGetParserTests
{
    private static ParseResult Parse(string text, string path = "pasted.txt") => new CalicoctlGetParser().Parse(new ParseInput(path, null, text));

    private static ParseResult Fixture(string name) => Parse(FixtureFiles.Parser("CalicoctlGet", name), name);

    [Fact]
    public void Seed_002_profile_listing_with_only_its_header_says_there_is_no_profile()
    {
        var r = Fixture("seed-002-get-profile.txt");
        r.Problems.ShouldBeEmpty();
        var listing = r.Facts.ShouldHaveSingleItem().ShouldBeOfType<CalicoResourceListing>();
        listing.Kind.ShouldBe("Profile");
        listing.Names.ShouldBeEmpty();
        listing.Source.Line.ShouldBe(2);
        listing.Summary.ShouldBe("calicoctl get Profile: none");
    }

    [Fact]
    public void A_v3_session_gives_nodes_pools_peers_and_a_listing_per_table()
    {
        var r = Fixture("session-v3-wide.txt");
        r.Problems.ShouldBeEmpty();

        r.Facts.OfType<CalicoResourceListing>().Select(l => (l.Kind, l.Names.Count, l.Source.Line))
            .ShouldBe([("Node", 2, 2), ("IPPool", 2, 7), ("Profile", 4, 12), ("BGPPeer", 2, 19)]);

        var nodes = r.Facts.OfType<CalicoNode>().ToList();
        (nodes[0].Name, nodes[0].AsNumber, nodes[0].Ipv4Address, nodes[0].Ipv6Address).ShouldBe(("k8s01", (long?)null, Cidr.Parse("192.168.21.10/24"), (Cidr?)null));
        (nodes[1].AsNumber, nodes[1].Ipv6Address).ShouldBe((64513L, Cidr.Parse("fd00:21::11/64")));
        nodes[1].Source.Line.ShouldBe(4);

        var pools = r.Facts.OfType<IpPool>().ToList();
        pools[0].ShouldBe(new IpPool
        {
            Source = new Source("session-v3-wide.txt", 8), Name = "default-ipv4-ippool", Cidr = Cidr.Parse("192.168.0.0/16"),
            NatOutgoing = true, IpipMode = CalicoEncapsulation.Always, VxlanMode = CalicoEncapsulation.Never, NodeSelector = "all()",
        });
        (pools[1].NatOutgoing, pools[1].VxlanMode, pools[1].Disabled, pools[1].NodeSelector).ShouldBe((false, CalicoEncapsulation.CrossSubnet, true, (string?)null));

        r.Facts.OfType<CalicoResourceListing>().Single(l => l.Kind == "Profile").Names
            .ShouldBe(["projectcalico-default-allow", "kns.default", "kns.kube-system", "ksa.kube-system.calico-kube-controllers"]);

        var peers = r.Facts.OfType<CalicoBgpPeer>().ToList();
        (peers[0].Name, peers[0].PeerIp, peers[0].IsGlobal, peers[0].AsNumber).ShouldBe(("tor-a", IPAddress.Parse("192.168.21.1"), true, 64600L));
        (peers[1].PeerNode, peers[1].AsNumber).ShouldBe(("k8s02", 64601L));
    }

    [Fact]
    public void V1_tables_name_pools_by_cidr_and_peers_by_address()
    {
        var r = Fixture("v1-pools-and-peers.txt");
        r.Problems.ShouldBeEmpty();
        var pools = r.Facts.OfType<IpPool>().ToList();
        pools.Select(p => (p.Name, p.NatOutgoing, p.IpipMode)).ShouldBe([("192.168.0.0/16", true, CalicoEncapsulation.Always), ("fd80:24e2:f998:72d6::/64", false, CalicoEncapsulation.Never)]);
        var peers = r.Facts.OfType<CalicoBgpPeer>().ToList();
        (peers[0].Name, peers[0].IsGlobal).ShouldBe(("10.2.7.254", true));
        (peers[1].PeerNode, peers[1].AsNumber).ShouldBe(("k8s02", 64513L));
    }

    [Fact]
    public void A_narrow_pool_table_is_listed_but_not_read_and_says_why()
    {
        var r = Parse("NAME                  CIDR             SELECTOR   \ndefault-ipv4-ippool   192.168.0.0/16   all()      \n");
        r.Facts.OfType<IpPool>().ShouldBeEmpty();
        r.Facts.OfType<CalicoResourceListing>().Single().Names.ShouldBe(["default-ipv4-ippool"]);
        r.Problems.ShouldHaveSingleItem().Message.ShouldContain("-o wide");
    }

    [Fact]
    public void A_squeezed_paste_with_one_word_per_column_still_reads()
    {
        var r = Parse("calicoctl get ippool -o wide\nNAME CIDR NAT IPIPMODE DISABLED\nnew-pool 192.232.0.0/14 true Always false\n");
        r.Problems.ShouldBeEmpty();
        var pool = r.Facts.OfType<IpPool>().Single();
        (pool.Name, pool.Cidr, pool.NatOutgoing, pool.IpipMode).ShouldBe(("new-pool", Cidr.Parse("192.232.0.0/14"), true, CalicoEncapsulation.Always));
    }

    [Fact]
    public void Bad_cells_and_stray_lines_are_problems_at_their_lines_and_the_other_rows_are_read()
    {
        var text = "calicoctl get ippool -o wide\nNAME   CIDR          NAT     IPIPMODE   DISABLED\nbad    10.0.0.300/8  true    Always     false\ngood   10.1.0.0/16   maybe   Never      false\nthis is not a row of anything at all\n\nsome words\n";
        var r = Parse(text);
        r.Facts.OfType<IpPool>().Select(p => p.Name).ShouldBe(["good"]);
        r.Problems.Select(p => p.Source.Line).ShouldBe([3, 4, 5, 7]);
        r.Problems[0].Message.ShouldContain("is not a CIDR");
        r.Problems[1].Message.ShouldContain("neither true nor false");
    }

    [Fact]
    public void A_bare_name_table_without_its_command_is_refused_but_the_file_name_can_tell()
    {
        Parse("NAME\nkns.default\n").Problems.ShouldHaveSingleItem().Message.ShouldContain("cannot tell which resource");
        var named = Parse("NAME\nkns.default\n", "cluster/calicoctl-get-profiles.txt");
        named.Problems.ShouldBeEmpty();
        named.Facts.OfType<CalicoResourceListing>().Single().Kind.ShouldBe("Profile");
    }

    [Theory]
    [InlineData("calicoctl-get-ippool.txt", "", 100)]
    [InlineData("pasted.txt", "[root@k8s01 ~]# calicoctl get profile\nNAME\n", 90)]
    [InlineData("pasted.txt", "NAME    CIDR    NAT    IPIPMODE\np   10.0.0.0/8   true   Always\n", 85)]
    [InlineData("pasted.txt", "NAME\nkns.default\n", 0)]
    [InlineData("pods.txt", "NAME                    READY   STATUS    RESTARTS   AGE\n", 0)]
    public void Sniff(string name, string head, int expected) => new CalicoctlGetParser().Sniff(name, head).ShouldBe(expected);
}

public sealed class CalicoctlGetRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new CalicoctlGetParser();
    protected override string Sample => FixtureFiles.Parser("CalicoctlGet", "session-v3-wide.txt");
}
