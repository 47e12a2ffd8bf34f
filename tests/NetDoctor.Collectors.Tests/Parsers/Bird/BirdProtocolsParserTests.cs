using System.Net;
using NetDoctor.Collectors.Parsers.Bird;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.Bird;

/// <summary>Fixtures are real BIRD 1.6.8 output captured by capture-bird.sh (three namespaces, Calico naming).</summary>
public class BirdProtocolsParserTests
{
    private readonly BirdProtocolsParser _parser = new();

    private ParseResult Parse(string file, string node = "k8s01") =>
        _parser.Parse(ParserFixture.Input("Bird", file, $"{node}/bird-protocols.txt", node));

    [Fact]
    public void The_sessions_of_the_file_are_listed_once_with_the_established_count()
    {
        var result = Parse("bird-protocols-10.2.7.200.txt");

        var list = result.Facts.OfType<BgpSessionList>().ShouldHaveSingleItem();
        list.PeerAddresses.Select(a => a.ToString()).ShouldBe(["10.2.7.201", "10.2.7.202", "192.188.1.1"]);
        list.Established.ShouldBe(2);
        list.Origin.ShouldBe(BgpPeerOrigin.Bird);
        list.Node.ShouldBe("k8s01");
        // The first session's line: rules cite it as "where the sessions are listed".
        list.Source.ShouldBe(new Source("k8s01/bird-protocols.txt", 6));
    }

    [Fact]
    public void A_file_without_bgp_sessions_has_no_session_list()
    {
        var result = _parser.Parse(new ParseInput("k8s01/bird-protocols.txt", "k8s01",
            "name     proto    table    state  since       info\ndevice1  Device   master   up     20:15:50\n"));

        result.Facts.OfType<BirdProtocol>().ShouldHaveSingleItem();
        result.Facts.OfType<BgpSessionList>().ShouldBeEmpty();
    }

    [Fact]
    public void Reads_every_protocol_and_the_calico_mesh_peers_of_a_real_capture()
    {
        var result = Parse("bird-protocols-10.2.7.200.txt");

        result.Problems.ShouldBeEmpty();
        result.Facts.OfType<BirdProtocol>().Select(p => p.Name)
            .ShouldBe(["device1", "direct1", "kernel1", "Mesh_10_2_7_201", "Mesh_10_2_7_202", "Mesh_192_188_1_1"]);
        var peers = result.Facts.OfType<BgpPeer>().ToList();
        peers.Count.ShouldBe(3);
        peers.ShouldAllBe(p => p.PeerType == BgpPeerType.NodeMesh && p.Origin == BgpPeerOrigin.Bird && p.Node == "k8s01");

        var up = peers.Single(p => p.PeerAddress.Equals(IPAddress.Parse("10.2.7.201")));
        up.State.ShouldBe(BgpSessionState.Established);
        up.ProtocolState.ShouldBe(BirdProtocolState.Up);
        up.Since.ShouldBe("20:15:54");
        up.ProtocolName.ShouldBe("Mesh_10_2_7_201");
        up.Source.ShouldBe(new Source("k8s01/bird-protocols.txt", 6));

        var stray = peers.Single(p => p.PeerAddress.Equals(IPAddress.Parse("192.188.1.1")));
        stray.State.ShouldBe(BgpSessionState.Active);
        stray.ProtocolState.ShouldBe(BirdProtocolState.Start);
        stray.Info.ShouldBe("Active Socket: Network is unreachable");
        stray.IsEstablished.ShouldBeFalse();
        stray.Source.Line.ShouldBe(8);
    }

    [Fact]
    public void Restricted_mode_banner_of_birdc_r_is_not_a_problem()
    {
        // Real `birdc -r show protocols` output, as `netdoctor collect` captured it in the lab (samples/incident-001).
        var result = Parse("birdc-restricted-k8s01.txt");

        result.Problems.ShouldBeEmpty();
        result.Facts.OfType<BgpPeer>().ShouldContain(p => p.PeerAddress.Equals(IPAddress.Parse("192.188.1.1")) && !p.IsEstablished);
    }

    [Fact]
    public void Wrong_peer_as_shows_as_idle_with_the_bgp_error()
    {
        var result = Parse("bird-protocols-10.2.7.201.txt", "k8s02");

        var refused = result.Facts.OfType<BgpPeer>().Single(p => p.ProtocolName == "Mesh_10_2_7_202");
        refused.State.ShouldBe(BgpSessionState.Idle);
        refused.Info.ShouldBe("Idle BGP Error: Bad peer AS");
        refused.Source.Line.ShouldBe(7);
    }

    [Fact]
    public void Non_bgp_protocols_give_no_peer()
    {
        var result = Parse("bird-protocols-10.2.7.202.txt", "k8s03");

        var kernel = result.Facts.OfType<BirdProtocol>().Single(p => p.Name == "kernel1");
        kernel.Protocol.ShouldBe("Kernel");
        kernel.Table.ShouldBe("master");
        kernel.IsBgp.ShouldBeFalse();
        kernel.Source.Line.ShouldBe(5);
        result.Facts.OfType<BgpPeer>().Select(p => p.PeerAddress.ToString()).ShouldBe(["10.2.7.200", "10.2.7.201", "10.2.7.209"]);
        result.Facts.OfType<BgpPeer>().Single(p => p.PeerAddress.ToString() == "10.2.7.209").Info.ShouldBe("Active Socket: No route to host");
    }

    [Fact]
    public void Show_protocols_all_detail_blocks_are_skipped_and_peers_keep_their_line()
    {
        var result = Parse("bird-protocols-all-10.2.7.200.txt");

        result.Problems.ShouldBeEmpty();
        result.Facts.OfType<BirdProtocol>().Count().ShouldBe(6);
        var peer = result.Facts.OfType<BgpPeer>().Single(p => p.ProtocolName == "Mesh_10_2_7_202");
        peer.State.ShouldBe(BgpSessionState.Established);
        peer.Source.Line.ShouldBe(56);
    }

    [Fact]
    public void Real_bird6_capture_decodes_calico_ipv6_names()
    {
        var result = Parse("bird6-protocols-fd00_2__200.txt");

        result.Problems.ShouldBeEmpty();
        var peers = result.Facts.OfType<BgpPeer>().ToList();
        peers.Select(p => p.PeerAddress).ShouldBe([IPAddress.Parse("fd00:2::201"), IPAddress.Parse("fd00:2::202"), IPAddress.Parse("fd00:99::1")]);
        peers.ShouldAllBe(p => p.IsIPv6 && p.PeerType == BgpPeerType.NodeMesh);
        peers[0].State.ShouldBe(BgpSessionState.Active);
        peers[0].Info.ShouldBe("Active Socket: Connection closed");
        peers[1].State.ShouldBe(BgpSessionState.Established);
        peers[1].Source.Line.ShouldBe(7);
        peers[2].Info.ShouldBe("Active Socket: Network is unreachable");
    }

    [Fact]
    public void Neighbor_address_of_the_detail_block_names_the_peer_of_a_non_calico_protocol()
    {
        var text = """
            BIRD 1.6.8 ready.
            name     proto    table    state  since       info
            tor1     BGP      master   start  10:00:01    Connect       Socket: Connection refused
              Preference:     100
              BGP state:          Connect
                Neighbor address: 10.2.7.254
                Neighbor AS:      64513
            """;
        var result = _parser.Parse(new ParseInput("n1/bird-protocols.txt", "n1", text));

        var peer = result.Facts.OfType<BgpPeer>().ShouldHaveSingleItem();
        peer.PeerAddress.ShouldBe(IPAddress.Parse("10.2.7.254"));
        peer.PeerType.ShouldBe(BgpPeerType.Unknown);
        peer.State.ShouldBe(BgpSessionState.Connect);
        peer.Source.Line.ShouldBe(3);
    }

    [Fact]
    public void Bird2_layout_with_iso_since_and_ipv6_global_and_node_peers()
    {
        var text = """
            BIRD 2.0.12 ready.
            Name       Proto      Table      State  Since         Info
            device1    Device     ---        up     2020-04-08 02:04:22
            Global_fd00_2__254 BGP        ---        up     2020-04-08 02:04:25  Established
            Node_10_2_7_254_port_180 BGP  ---        start  2020-04-08 02:04:22  Active        Socket: Connection refused
            """;
        var result = _parser.Parse(new ParseInput("n1/bird-protocols.txt", "n1", text));

        result.Problems.ShouldBeEmpty();
        result.Facts.OfType<BirdProtocol>().First().Table.ShouldBeNull();
        var peers = result.Facts.OfType<BgpPeer>().ToList();
        peers[0].PeerAddress.ShouldBe(IPAddress.Parse("fd00:2::254"));
        peers[0].PeerType.ShouldBe(BgpPeerType.Global);
        peers[0].Since.ShouldBe("2020-04-08 02:04:25");
        peers[0].IsIPv6.ShouldBeTrue();
        peers[1].PeerAddress.ShouldBe(IPAddress.Parse("10.2.7.254"));
        peers[1].PeerType.ShouldBe(BgpPeerType.NodeSpecific);
        peers[1].State.ShouldBe(BgpSessionState.Active);
    }

    [Fact]
    public void A_bird_error_and_a_garbage_line_are_problems_with_their_line_and_the_rest_is_read()
    {
        var text = "BIRD 1.6.8 ready.\nname     proto    table    state  since       info\nMesh_10_2_7_201 BGP master up 20:15:54 Established\n#&%! not a protocol\nMesh_10_2_7_202 BGP master start 20:15:54 Connect\nUnable to connect to server control socket (/var/run/calico/bird.ctl): No such file or directory\n";
        var result = _parser.Parse(new ParseInput("n1/bird-protocols.txt", "n1", text));

        result.Facts.OfType<BgpPeer>().Count().ShouldBe(2);
        result.Problems.Select(p => p.Source.Line).ShouldBe([4, 6]);
        result.Problems[1].Message.ShouldContain("Unable to connect");
    }

    [Theory]
    [InlineData("k8s01/bird-protocols.txt", "", 100)]
    [InlineData("pasted.txt", "BIRD 1.6.8 ready.\nname     proto    table    state  since       info\n", 90)]
    [InlineData("pasted.txt", "Kernel IP routing table\n", 0)]
    public void Sniffs_by_name_and_header(string name, string head, int expected) =>
        _parser.Sniff(name, head).ShouldBe(expected);
}
