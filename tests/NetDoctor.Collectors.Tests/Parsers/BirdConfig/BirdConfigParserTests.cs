using NetDoctor.Collectors.Parsers.BirdConfig;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Sniffing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.BirdConfig;

/// <summary>Calico's own rendered BIRD configurations (confd's template test outputs).</summary>
public class BirdConfigParserTests
{
    private static ParseResult Parse(string file) =>
        new BirdConfigParser().Parse(ParserFixture.Input("BirdConfig", file, "k8s01/confd/" + file, "k8s01"));

    [Fact]
    public void Mesh_config_gives_router_id_and_each_peer_with_template_settings()
    {
        var result = Parse("bird.cfg");

        result.Problems.ShouldBeEmpty();
        var routerId = result.Facts.OfType<BirdRouterId>().ShouldHaveSingleItem();
        (routerId.Text, routerId.Source.Line).ShouldBe(("10.192.0.2", 9));
        var peers = result.Facts.OfType<BirdBgpNeighbor>().ToList();
        peers.Select(p => (p.ProtocolName, p.NeighborAddress.ToString(), p.Source.Line)).ShouldBe([
            ("Mesh_10_192_0_3", "10.192.0.3", 76), ("Mesh_10_192_0_6", "10.192.0.6", 91)]);
        peers.ShouldAllBe(p => p.PeerType == BgpPeerType.NodeMesh && p.NeighborAs == 64512 && p.LocalAs == 64512 && p.Passive
            && p.SourceAddress!.ToString() == "10.192.0.2" && p.Template == "bgp_template" && p.Node == "k8s01");
    }

    [Fact]
    public void Route_reflector_peers_are_node_specific_rr_clients_with_their_own_as()
    {
        var result = Parse("bird-route-reflector.cfg");

        result.Problems.ShouldBeEmpty();
        var peers = result.Facts.OfType<BirdBgpNeighbor>().ToList();
        peers.Select(p => (p.NeighborAddress.ToString(), p.NeighborAs, p.RouteReflectorClient, p.PeerType)).ShouldBe([
            ("10.192.0.3", (long?)64532, true, BgpPeerType.NodeSpecific), ("10.192.0.4", (long?)64532, true, BgpPeerType.NodeSpecific),
            ("172.19.4.87", (long?)64533, false, BgpPeerType.NodeSpecific)]);
        peers.ShouldAllBe(p => p.Multihop && !p.Passive && p.LocalAs == 64532);
    }

    [Fact]
    public void Aggregation_config_gives_the_nodes_blocks()
    {
        var result = Parse("bird_aggr.cfg");

        result.Problems.ShouldBeEmpty();
        result.Facts.OfType<BirdStaticRoute>().Select(r => (r.Destination.ToString(), r.Action, r.Source.Line)).Take(3).ShouldBe([
            ("10.0.0.0/30", "blackhole", 4), ("10.1.0.0/24", "blackhole", 5), ("192.168.221.192/26", "blackhole", 6)]);
        result.Facts.OfType<BirdStaticRoute>().Count().ShouldBe(7);
    }

    [Fact]
    public void Ipam_filters_read_without_problems()
    {
        var result = Parse("bird_ipam.cfg");

        result.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void A_password_is_noted_never_kept()
    {
        const string text = """
            protocol bgp Global_192_0_2_1 {
              local as 64512;
              neighbor 192.0.2.1 as 65000;
              password "s3cret";
              next hop self;
            }
            """;
        var result = new BirdConfigParser().Parse(new ParseInput("bird.cfg", "n1", text));

        var peer = result.Facts.OfType<BirdBgpNeighbor>().ShouldHaveSingleItem();
        (peer.HasPassword, peer.NextHopSelf, peer.PeerType).ShouldBe((true, true, BgpPeerType.Global));
        peer.Summary.ShouldNotContain("s3cret");
    }

    [Theory]
    [InlineData("bird.cfg")]
    [InlineData("bird_aggr.cfg")]
    [InlineData("bird_ipam.cfg")]
    [InlineData("bird-route-reflector.cfg")]
    public void Recognised_by_content_under_any_name(string file) =>
        new FormatSniffer().Sniff("paste-7.txt", FormatSniffer.Head(ParserFixture.Text("BirdConfig", file))).Match?.Kind.ShouldBe("bird-config");
}
