using System.Net;
using NetDoctor.Collectors.Bundles;
using NetDoctor.Collectors.Parsers.Ip;
using NetDoctor.Collectors.Parsers.Iptables;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Bundles;

/// <summary>
/// Compact facts (issue 12): the facts a read keeps share what different files repeat — one string, address and prefix
/// per value, one parsed form per iptables rule text — while every fact keeps the values a parse of its file alone gives.
/// </summary>
public class CompactFactsTests
{
    // Two nodes' routing tables: the same pod blocks via the same gateways, each with its own default route.
    private static string Routes(int node) => $"""
        default via 192.168.0.1 dev eth0 proto dhcp src 192.168.0.{node} metric 100
        10.244.1.0/26 via 192.168.0.11 dev tunl0 proto bird onlink
        10.244.2.0/26 via 192.168.0.12 dev tunl0 proto bird onlink
        blackhole 10.244.{node}.64/26 proto bird

        """;

    // Two nodes' filter tables: the same profile chain (identical rules) and a workload chain of each node's own.
    private static string Filter(int node) => $"""
        *filter
        :cali-pro-kns.default - [0:0]
        :cali-tw-cali{node}abc - [0:0]
        -A cali-pro-kns.default -m comment --comment "cali:abc" -j MARK --set-xmark 0x10000/0x10000
        -A cali-pro-kns.default -m comment --comment "cali:def" -m mark --mark 0x10000/0x10000 -j RETURN
        -A cali-tw-cali{node}abc -d 10.244.{node}.5/32 -j ACCEPT
        COMMIT

        """;

    // Records compare lists by reference, so facts are compared by what their members print.
    private static string Values(Route r) =>
        $"{r} {r.Destination} {r.Gateway} {r.PreferredSource} {string.Join(',', r.Flags)} {string.Join(',', r.NextHops)} {string.Join(',', r.Options)}";

    private static string Values(IptablesRule r) =>
        $"{r.Node} {r.Source} {r.Table} {r.Chain} {r.Position} {r.Text} {r.Target.Text} {string.Join('|', r.Matches.Select(m => m.Text))}";

    [Fact]
    public void Routes_of_different_files_share_their_addresses_prefixes_and_names_and_keep_their_values()
    {
        using var dir = new TempDir();
        dir.File("k8s01/ip-route.txt", Routes(1));
        dir.File("k8s02/ip-route.txt", Routes(2));

        var facts = BundleReader.Read([dir.Path]);

        facts.Problems.ShouldBeEmpty();
        var routes = facts.Facts.OfType<Route>().ToList();
        foreach (var node in new[] { 1, 2 })
        {
            var alone = new IpRouteParser().Parse(new ParseInput($"k8s0{node}/ip-route.txt", $"k8s0{node}", Routes(node))).Facts;
            routes.Where(r => r.Node == $"k8s0{node}").Select(Values).ShouldBe(alone.Cast<Route>().Select(Values));
        }
        var block = routes.Where(r => r.Destination.ToString() == "10.244.1.0/26").ToList();
        block.Count.ShouldBe(2);
        block[1].ShouldNotBeSameAs(block[0]);
        block[1].Gateway.ShouldBeSameAs(block[0].Gateway);
        block[1].Destination.Address.ShouldBeSameAs(block[0].Destination.Address);
        block[1].Device.ShouldBeSameAs(block[0].Device);
        var defaults = routes.Where(r => r.IsDefault).ToList();
        defaults[1].Gateway.ShouldBeSameAs(defaults[0].Gateway);
        defaults[1].PreferredSource.ShouldNotBe(defaults[0].PreferredSource);
    }

    [Fact]
    public void Iptables_rules_of_the_same_text_share_their_parsed_form_and_own_their_text()
    {
        using var dir = new TempDir();
        dir.File("k8s01/iptables-save.txt", Filter(1));
        dir.File("k8s02/iptables-save.txt", Filter(2));

        var facts = BundleReader.Read([dir.Path]);

        facts.Problems.ShouldBeEmpty();
        var rules = facts.Facts.OfType<IptablesRule>().ToList();
        foreach (var node in new[] { 1, 2 })
        {
            var alone = new IptablesSaveParser().Parse(new ParseInput($"k8s0{node}/iptables-save.txt", $"k8s0{node}", Filter(node))).Facts;
            rules.Where(r => r.Node == $"k8s0{node}").Select(Values).ShouldBe(alone.OfType<IptablesRule>().Select(Values));
        }
        var profile = rules.Where(r => r.Chain == "cali-pro-kns.default" && r.Position == 1).ToList();
        profile.Select(r => r.Node).ShouldBe(["k8s01", "k8s02"]);
        profile[1].Matches.ShouldBeSameAs(profile[0].Matches);
        profile[1].Target.ShouldBeSameAs(profile[0].Target);
        profile[1].Text.ShouldBeSameAs(profile[0].Text);
        profile[1].Source.ShouldBe(new Source("k8s02/iptables-save.txt", 4));
        // A rule's text is a string of its own, not a slice that keeps the whole dump alive.
        profile[0].Text.ShouldBe("-A cali-pro-kns.default -m comment --comment \"cali:abc\" -j MARK --set-xmark 0x10000/0x10000");
        var own = rules.Where(r => r.Chain.StartsWith("cali-tw-", StringComparison.Ordinal)).ToList();
        own[1].Matches.ShouldNotBeSameAs(own[0].Matches);
        own.Select(r => r.DestinationAddress!.Cidr.ToString()).ShouldBe(["10.244.1.5/32", "10.244.2.5/32"]);
    }

    [Fact]
    public void Bgp_session_lists_of_different_nodes_share_the_peer_addresses()
    {
        using var dir = new TempDir();
        // Each node lists the other two: 10.2.7.202 is in both lists.
        dir.File("k8s01/bird-protocols.txt", "Mesh_10_2_7_201 BGP master up 20:15:54 Established\nMesh_10_2_7_202 BGP master up 20:15:54 Established\n");
        dir.File("k8s02/bird-protocols.txt", "Mesh_10_2_7_200 BGP master up 20:15:54 Established\nMesh_10_2_7_202 BGP master up 20:15:54 Established\n");

        var facts = BundleReader.Read([dir.Path]);

        var lists = facts.Facts.OfType<BgpSessionList>().OrderBy(l => l.Node, StringComparer.Ordinal).ToList();
        lists.Select(l => l.PeerAddresses.Count).ShouldBe([2, 2]);
        lists[0].PeerAddresses[1].ShouldBe(IPAddress.Parse("10.2.7.202"));
        lists[1].PeerAddresses[1].ShouldBeSameAs(lists[0].PeerAddresses[1]);
        var peers = facts.Facts.OfType<BgpPeer>().Where(p => p.PeerAddress.ToString() == "10.2.7.202").ToList();
        peers.Count.ShouldBe(2);
        peers[1].PeerAddress.ShouldBeSameAs(lists[0].PeerAddresses[1]);
    }
}
