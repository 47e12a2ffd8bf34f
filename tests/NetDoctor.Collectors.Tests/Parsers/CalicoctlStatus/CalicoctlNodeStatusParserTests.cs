using System.Net;
using NetDoctor.Collectors.Parsers.CalicoctlStatus;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.CalicoctlStatus;

/// <summary>
/// Fixtures are the `calicoctl node status` outputs of incident 001 (shared/seeds/001), on k8s01 and k8s02, and two as
/// pasted in public reports: prompted-passive.txt (https://github.com/projectcalico/calico/issues/2796, with its prompt
/// line) and kops-master-labelled.txt (https://github.com/kubernetes/kops/issues/5958, under the author's own label,
/// wider columns, complete rows only).
/// </summary>
public class CalicoctlNodeStatusParserTests
{
    private readonly CalicoctlNodeStatusParser _parser = new();

    private ParseResult Parse(string file, string node) =>
        _parser.Parse(ParserFixture.Input("CalicoctlStatus", file, $"{node}/calico-node-status.txt", node));

    [Fact]
    public void K8s01_sees_the_stray_address_of_k8s02_in_connect()
    {
        var result = Parse("k8s01.txt", "k8s01");

        result.Problems.ShouldBeEmpty();
        var peers = result.Facts.OfType<BgpPeer>().ToList();
        peers.Count.ShouldBe(9);
        var stray = peers[0];
        stray.PeerAddress.ShouldBe(IPAddress.Parse("192.188.1.1"));
        stray.PeerType.ShouldBe(BgpPeerType.NodeMesh);
        stray.ProtocolState.ShouldBe(BirdProtocolState.Start);
        stray.State.ShouldBe(BgpSessionState.Connect);
        stray.Since.ShouldBe("2020-04-08");
        stray.Origin.ShouldBe(BgpPeerOrigin.Calicoctl);
        stray.Node.ShouldBe("k8s01");
        stray.Source.ShouldBe(new Source("k8s01/calico-node-status.txt", 7));
        peers.Skip(1).ShouldAllBe(p => p.IsEstablished && p.ProtocolState == BirdProtocolState.Up);
        peers[8].Source.Line.ShouldBe(15);

        var status = result.Facts.OfType<CalicoProcessStatus>().ShouldHaveSingleItem();
        status.Running.ShouldBeTrue();
        status.Ipv4Peers.ShouldBe(9);
        status.Ipv6Peers.ShouldBe(0);
        status.Source.Line.ShouldBe(1);
    }

    [Fact]
    public void The_peers_of_the_tables_are_listed_once_with_the_established_count()
    {
        var result = Parse("k8s01.txt", "k8s01");

        var list = result.Facts.OfType<BgpSessionList>().ShouldHaveSingleItem();
        list.PeerAddresses.Count.ShouldBe(9);
        list.PeerAddresses[0].ShouldBe(IPAddress.Parse("192.188.1.1"));
        list.PeerAddresses.ShouldBe(result.Facts.OfType<BgpPeer>().Select(p => p.PeerAddress));
        list.Established.ShouldBe(8);
        list.Origin.ShouldBe(BgpPeerOrigin.Calicoctl);
        list.Source.ShouldBe(new Source("k8s01/calico-node-status.txt", 7));
    }

    [Fact]
    public void Wrapped_info_cells_are_folded_into_their_peer()
    {
        var result = Parse("k8s02-before.txt", "k8s02");

        result.Problems.ShouldBeEmpty();
        var peers = result.Facts.OfType<BgpPeer>().ToList();
        peers.Count.ShouldBe(9);
        peers[0].State.ShouldBe(BgpSessionState.Idle);
        peers[0].Info.ShouldBe("Idle Socket: Connection closed");
        peers[1].PeerAddress.ShouldBe(IPAddress.Parse("10.2.7.202"));
        peers[1].State.ShouldBe(BgpSessionState.Active);
        peers[1].Info.ShouldBe("Active Socket: Connection closed");
        peers[1].Source.Line.ShouldBe(8);
        peers[2].Source.Line.ShouldBe(10);
        peers[8].PeerAddress.ShouldBe(IPAddress.Parse("10.2.7.209"));
        peers.ShouldAllBe(p => !p.IsEstablished);
    }

    [Fact]
    public void After_the_fix_every_peer_is_established()
    {
        var peers = Parse("k8s02-after.txt", "k8s02").Facts.OfType<BgpPeer>().ToList();

        peers.Count.ShouldBe(9);
        peers.ShouldAllBe(p => p.State == BgpSessionState.Established);
        peers[1].Since.ShouldBe("06:45:54");
    }

    [Fact]
    public void Not_running_ipv6_table_and_peer_types()
    {
        var text = """
            Calico process is not running.

            IPv4 BGP status
            +--------------+---------------+-------+----------+---------+
            | PEER ADDRESS |   PEER TYPE   | STATE |  SINCE   |  INFO   |
            +--------------+---------------+-------+----------+---------+
            | 10.2.7.254   | global        | down  | 02:04:22 |         |
            +--------------+---------------+-------+----------+---------+

            IPv6 BGP status
            +--------------+---------------+-------+----------+-------------+
            | PEER ADDRESS |   PEER TYPE   | STATE |  SINCE   |    INFO     |
            +--------------+---------------+-------+----------+-------------+
            | fd00:2::1    | node specific | up    | 02:04:23 | Established |
            | not-an-ip    | node specific | up    | 02:04:23 | Established |
            +--------------+---------------+-------+----------+-------------+
            """;
        var result = _parser.Parse(new ParseInput("n/calico-node-status.txt", "n", text));

        var peers = result.Facts.OfType<BgpPeer>().ToList();
        peers[0].PeerType.ShouldBe(BgpPeerType.Global);
        peers[0].ProtocolState.ShouldBe(BirdProtocolState.Down);
        peers[1].PeerType.ShouldBe(BgpPeerType.NodeSpecific);
        peers[1].IsIPv6.ShouldBeTrue();
        result.Problems.ShouldHaveSingleItem().Source.Line.ShouldBe(15);
        var status = result.Facts.OfType<CalicoProcessStatus>().Single();
        status.Running.ShouldBeFalse();
        (status.Ipv4Peers, status.Ipv6Peers).ShouldBe((1, 1));
    }

    [Theory]
    [InlineData("k8s02/calico-node-status.txt", "", 100)]
    [InlineData("status.txt", "Calico process is running.\n\nIPv4 BGP status\n", 85)]
    [InlineData("status.txt", "BIRD 1.6.8 ready.\n", 0)]
    public void Sniffs_by_name_and_content(string name, string head, int expected) => _parser.Sniff(name, head).ShouldBe(expected);

    [Fact]
    public void The_prompt_and_command_line_above_a_pasted_status_are_skipped()
    {
        var result = Parse("prompted-passive.txt", "docker");

        result.Problems.ShouldBeEmpty();
        var peers = result.Facts.OfType<BgpPeer>().ToList();
        peers.Select(p => p.PeerAddress.ToString()).ShouldBe(["172.16.3.2", "172.16.3.5", "172.16.3.3", "172.16.3.4", "172.16.3.6", "172.16.3.7"]);
        peers.ShouldAllBe(p => p.State == BgpSessionState.Passive && !p.IsEstablished);
        peers[0].Source.Line.ShouldBe(8);
        result.Facts.OfType<CalicoProcessStatus>().ShouldHaveSingleItem().Source.Line.ShouldBe(2);
    }

    [Fact]
    public void A_header_widened_by_long_addresses_is_sniffed_and_a_label_line_is_a_problem_at_its_line()
    {
        var text = FixtureFiles.Parser("CalicoctlStatus", "kops-master-labelled.txt");
        _parser.Sniff("paste-1.txt", text).ShouldBe(95);

        var result = Parse("kops-master-labelled.txt", "master");

        result.Problems.ShouldHaveSingleItem().Source.Line.ShouldBe(1);
        var peers = result.Facts.OfType<BgpPeer>().ToList();
        peers.Count.ShouldBe(5);
        peers[0].Info.ShouldBe("Connect Socket: Host is unreachable");
        peers[0].State.ShouldBe(BgpSessionState.Connect);
        peers[3].PeerAddress.ShouldBe(IPAddress.Parse("172.20.43.76"));
        peers[3].State.ShouldBe(BgpSessionState.Active);
        peers[4].Source.Line.ShouldBe(15);
    }
}
