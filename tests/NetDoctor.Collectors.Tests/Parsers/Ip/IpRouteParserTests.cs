using System.Net;
using NetDoctor.Collectors.Parsers.Ip;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.Ip;

public sealed class IpRouteParserTests
{
    private static ParseResult Parse(string text) => new IpRouteParser().Parse(new ParseInput("k8s01/ip-route.txt", "k8s01", text));

    private static List<Route> Lab()
    {
        var r = Parse(FixtureFiles.Parser("Ip", "lab-ip-route.txt"));
        r.Problems.ShouldBeEmpty();
        return r.Facts.Cast<Route>().ToList();
    }

    private static Route At(List<Route> routes, int line) => routes.Single(r => r.Source.Line == line);

    [Fact]
    public void Lab_table_all_gives_one_route_per_entry_with_multipath_folded()
    {
        var routes = Lab();
        routes.Count.ShouldBe(34);
        routes.ShouldAllBe(r => r.Node == "k8s01");
    }

    [Fact]
    public void Default_and_table_100_routes()
    {
        var routes = Lab();
        var t100 = At(routes, 1);
        (t100.Table, t100.TableId, t100.IsDefault, t100.Gateway).ShouldBe(("100", (int?)100, true, IPAddress.Parse("192.168.21.11")));
        var main = At(routes, 3);
        main.Destination.ShouldBe(Cidr.Parse("0.0.0.0/0"));
        (main.Table, main.TableId, main.Protocol, main.Metric, main.Device).ShouldBe(("main", (int?)254, RouteProtocol.Dhcp, (int?)100, "eth0"));
    }

    [Fact]
    public void Bird_route_onlink_linkdown_and_blackhole()
    {
        var routes = Lab();
        var bird = At(routes, 4);
        bird.Destination.ShouldBe(Cidr.Parse("10.10.0.0/26"));
        (bird.Protocol, bird.ProtocolName, bird.OnLink, bird.IsLinkDown, bird.Device).ShouldBe((RouteProtocol.Bird, "bird", true, true, "tunl0"));
        var blackhole = At(routes, 12);
        (blackhole.Type, blackhole.Protocol, blackhole.Forwards).ShouldBe((RouteType.Blackhole, RouteProtocol.Bird, false));
        blackhole.Destination.ShouldBe(Cidr.Parse("192.168.236.0/26"));
        (At(routes, 9).Type, At(routes, 9).Metric).ShouldBe((RouteType.Prohibit, (int?)5));
        At(routes, 10).Type.ShouldBe(RouteType.Unreachable);
    }

    [Fact]
    public void Multipath_nexthops_belong_to_the_route_line()
    {
        var mp = At(Lab(), 5);
        mp.IsMultipath.ShouldBeTrue();
        mp.Protocol.ShouldBe(RouteProtocol.Static);
        mp.NextHops.Select(h => (h.Gateway, h.Device, h.Weight)).ShouldBe([
            (IPAddress.Parse("192.168.21.11"), "eth0", 1),
            (IPAddress.Parse("192.168.21.12"), "eth0", 2)]);
    }

    [Fact]
    public void Connected_pod_local_and_ipv6_routes()
    {
        var routes = Lab();
        var connected = At(routes, 11);
        (connected.Scope, connected.PreferredSource, connected.Protocol).ShouldBe((Scope.Link, IPAddress.Parse("192.168.21.10"), RouteProtocol.Kernel));
        var pod = At(routes, 13);
        pod.Destination.ShouldBe(Cidr.Parse("192.168.236.10/32"));
        (pod.Device, pod.Scope, pod.Protocol).ShouldBe(("cali12d4a061371", Scope.Link, RouteProtocol.Unspecified));
        var local = At(routes, 15);
        (local.Type, local.Table, local.TableId, local.Scope, local.Device).ShouldBe((RouteType.Local, "local", (int?)255, Scope.Host, "kube-ipvs0"));
        At(routes, 21).Type.ShouldBe(RouteType.Broadcast);
        var v6 = At(routes, 28);
        v6.Destination.ShouldBe(Cidr.Parse("fd00:21::/64"));
        v6.Metric.ShouldBe(256);
        v6.Options["pref"].ShouldBe("medium");
        At(routes, 36).Type.ShouldBe(RouteType.Multicast);
    }

    [Fact]
    public void Seed_002_old_spacing_and_bird_blackhole()
    {
        var r = Parse(FixtureFiles.Parser("Ip", "seed-002-ip-r-node2.txt"));
        r.Problems.ShouldBeEmpty();
        var routes = r.Facts.Cast<Route>().ToList();
        routes.Count.ShouldBe(8);
        var bh = At(routes, 5);
        (bh.Type, bh.Destination, bh.Protocol).ShouldBe((RouteType.Blackhole, Cidr.Parse("192.168.135.0/26"), RouteProtocol.Bird));
        var tunnel = At(routes, 8);
        (tunnel.Gateway, tunnel.Device, tunnel.OnLink).ShouldBe((IPAddress.Parse("172.168.0.25"), "tunl0", true));
        At(routes, 1).Protocol.ShouldBe(RouteProtocol.Static);
    }

    [Fact]
    public void Seed_003_node_without_default_route()
    {
        static List<Route> Node(string ip) => Parse(FixtureFiles.Parser("Ip", $"seed-003-ip-route-{ip}.txt")).Facts.Cast<Route>().ToList();
        Node("192.168.56.3").ShouldNotContain(r => r.IsDefault);
        Node("192.168.56.3").ShouldNotContain(r => r.Destination.Contains(IPAddress.Parse("10.96.0.1")));
        Node("192.168.56.4").Single(r => r.IsDefault).Source.Line.ShouldBe(1);
        Node("192.168.56.5").Count.ShouldBe(9);
    }

    [Fact]
    public void Orphan_nexthop_and_bad_destination_are_problems()
    {
        var r = Parse("\tnexthop via 10.0.0.1 dev eth0 weight 1\nnot-a-route dev eth0\n10.0.0.0/8 dev eth0\n");
        r.Problems.Select(p => p.Source.Line).ShouldBe([1, 2]);
        r.Facts.Cast<Route>().Single().Source.Line.ShouldBe(3);
    }

    [Fact]
    public void Ipv6_default_is_the_ipv6_any_prefix()
    {
        var route = (Route)Parse("default via fe80::1 dev eth0 proto ra metric 1024 pref medium\n").Facts.Single();
        route.Destination.ShouldBe(Cidr.Parse("::/0"));
        route.Protocol.ShouldBe(RouteProtocol.Ra);
    }

    [Theory]
    [InlineData("k8s01/ip-route.txt", "", 100)]
    [InlineData("diagnostics/ipv4_route", "", 100)]
    [InlineData("x", "default via 10.0.0.1 dev eth0\n10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.5\n", 85)]
    [InlineData("x", "Name: a\n", 0)]
    public void Sniff(string name, string head, int expected) => new IpRouteParser().Sniff(name, head).ShouldBe(expected);
}

public sealed class IpRouteJsonParserTests
{
    [Fact]
    public void Lab_json_matches_the_text_output()
    {
        var json = new IpRouteJsonParser().Parse(new ParseInput("k8s01/ip-route.json", "k8s01", FixtureFiles.Parser("Ip", "lab-ip-route.json")));
        json.Problems.ShouldBeEmpty();
        var text = new IpRouteParser().Parse(new ParseInput("k8s01/ip-route.txt", "k8s01", FixtureFiles.Parser("Ip", "lab-ip-route.txt")));
        static object Key(Route r) => (r.Table, r.Type, r.Destination, r.Gateway, r.Device, r.Protocol, r.Scope, r.PreferredSource, r.Metric, r.OnLink, r.IsLinkDown, r.NextHops.Count);
        json.Facts.Cast<Route>().Select(Key).ShouldBe(text.Facts.Cast<Route>().Select(Key));
        json.Facts.ShouldAllBe(f => f.Source.Line == 1);
        var mp = json.Facts.Cast<Route>().Single(r => r.IsMultipath);
        mp.NextHops[1].Weight.ShouldBe(2);
    }

    [Fact]
    public void Pretty_printed_json_gives_per_object_lines_and_bad_json_a_located_problem()
    {
        var text = "[\n  {\n    \"dst\": \"default\",\n    \"gateway\": \"10.0.0.1\",\n    \"dev\": \"eth0\"\n  },\n  {\n    \"dst\": \"10.0.0.0/8\",\n    \"dev\": \"eth0\"\n  },\n  {\n    \"dst\": oops\n  }\n]\n";
        var r = new IpRouteJsonParser().Parse(new ParseInput("n/ip-route.json", "n", text));
        r.Facts.Select(f => f.Source.Line).ShouldBe([2, 7]);
        r.Problems.Single().Source.Line.ShouldBe(12);
    }
}

public sealed class IpRouteRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new IpRouteParser();
    protected override string Sample => FixtureFiles.Parser("Ip", "lab-ip-route.txt");
}

public sealed class IpRouteSeedRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new IpRouteParser();
    protected override string Sample => FixtureFiles.Parser("Ip", "seed-002-ip-r-node2.txt");
}

public sealed class IpRouteJsonRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new IpRouteJsonParser();
    protected override string Sample => FixtureFiles.Parser("Ip", "lab-ip-route.json");
    protected override bool LineOriented => false;
}
