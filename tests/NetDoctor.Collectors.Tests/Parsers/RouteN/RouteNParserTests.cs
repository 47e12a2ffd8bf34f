using System.Net;
using NetDoctor.Collectors.Parsers.RouteN;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.RouteN;

public sealed class RouteNParserTests
{
    private static List<Route> Routes(string fixture, out ParseResult r)
    {
        r = new RouteNParser().Parse(new ParseInput("k8s02/route-n.txt", "k8s02", FixtureFiles.Parser("RouteN", fixture)));
        return r.Facts.Cast<Route>().ToList();
    }

    [Fact]
    public void Seed_001_before_the_fix_has_no_tunnel_routes()
    {
        var routes = Routes("seed-001-route-n-before.txt", out var r);
        r.Problems.ShouldBeEmpty();
        routes.Count.ShouldBe(5);
        var def = routes[0];
        (def.IsDefault, def.Gateway, def.Device, def.Metric, def.Source.Line).ShouldBe((true, IPAddress.Parse("10.2.7.254"), "eth0", (int?)100, 3));
        def.Flags.ShouldBe(["U", "G"]);
        var block = routes.Single(x => x.Source.Line == 5);
        (block.Destination, block.Type, block.Device).ShouldBe((Cidr.Parse("10.253.65.64/26"), RouteType.Blackhole, (string?)null));
        var pod = routes.Single(x => x.Source.Line == 6);
        (pod.Destination, pod.Device, pod.Gateway).ShouldBe((Cidr.Parse("10.253.65.67/32"), "calic6105d1b464", (IPAddress?)null));
        routes.ShouldNotContain(x => x.Device == "tunl0");
    }

    [Fact]
    public void Seed_001_after_the_fix_has_a_route_per_peer_block()
    {
        var routes = Routes("seed-001-route-n-after.txt", out _);
        var tunnels = routes.Where(x => x.Device == "tunl0").ToList();
        tunnels.Count.ShouldBe(9);
        tunnels.ShouldAllBe(x => x.Destination.PrefixLength == 26 && x.Gateway != null);
        tunnels.Single(x => x.Source.Line == 15).Gateway.ShouldBe(IPAddress.Parse("10.2.7.200"));
    }

    [Fact]
    public void Lab_reject_routes_are_unreachable()
    {
        var routes = Routes("lab-route-n.txt", out var r);
        r.Problems.ShouldBeEmpty();
        var prohibit = routes.Single(x => x.Source.Line == 7);
        (prohibit.Type, prohibit.Metric, prohibit.Device, prohibit.Gateway).ShouldBe((RouteType.Unreachable, (int?)5, (string?)null, (IPAddress?)null));
        routes.Single(x => x.Source.Line == 10).Type.ShouldBe(RouteType.Blackhole);
    }

    [Fact]
    public void Ipv6_table_and_bad_masks()
    {
        var text = "Kernel IPv6 routing table\nDestination                    Next Hop                   Flag Met Ref Use If\nfd00:21::/64                   ::                         U    256 1     0 eth0\n10.0.0.0 0.0.0.0 255.0.255.0 U 0 0 0 eth0\n";
        var r = new RouteNParser().Parse(new ParseInput("n/route-n.txt", "n", text));
        r.Facts.Cast<Route>().Single().Destination.ShouldBe(Cidr.Parse("fd00:21::/64"));
        r.Problems.Single().Source.Line.ShouldBe(4);
    }

    [Theory]
    [InlineData("k8s02/route-n.txt", "", 100)]
    [InlineData("x", "Kernel IP routing table\nDestination     Gateway         Genmask\n", 95)]
    [InlineData("x", "default via 10.0.0.1 dev eth0\n", 0)]
    public void Sniff(string name, string head, int expected) => new RouteNParser().Sniff(name, head).ShouldBe(expected);
}

public sealed class RouteNRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new RouteNParser();
    protected override string Sample => FixtureFiles.Parser("RouteN", "lab-route-n.txt");
}

public sealed class RouteNSeedRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new RouteNParser();
    protected override string Sample => FixtureFiles.Parser("RouteN", "seed-001-route-n-after.txt");
}
