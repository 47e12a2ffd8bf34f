using System.Net;

namespace NetDoctor.Facts.Tests.Routing;

public sealed class RoutingFactTests
{
    private static readonly Source At = new("k8s01/ip-route.txt", 3);

    [Fact]
    public void Route_summary_reads_like_ip_route()
    {
        var r = new Route
        {
            Destination = Cidr.Parse("default"),
            Gateway = IPAddress.Parse("192.168.31.1"),
            Device = "enp0s3",
            ProtocolName = "dhcp",
            Protocol = RouteProtocol.Dhcp,
            Source = At,
        };
        r.Summary.ShouldBe("default via 192.168.31.1 dev enp0s3 proto dhcp");
        r.IsDefault.ShouldBeTrue();
        r.Forwards.ShouldBeTrue();
        var bh = new Route { Type = RouteType.Blackhole, Destination = Cidr.Parse("10.10.0.128/26"), Table = "100", Source = At };
        bh.Summary.ShouldBe("blackhole 10.10.0.128/26 table 100");
        bh.Forwards.ShouldBeFalse();
        bh.Type.Rejects().ShouldBeTrue();
        RouteType.Local.Rejects().ShouldBeFalse();
    }

    [Theory]
    [InlineData("bird", RouteProtocol.Bird)]
    [InlineData("12", RouteProtocol.Bird)]
    [InlineData("kernel", RouteProtocol.Kernel)]
    [InlineData("zebra", RouteProtocol.Zebra)]
    [InlineData("77", RouteProtocol.Other)]
    public void Protocols_by_name_or_number(string text, RouteProtocol expected) => RouteProtocolNames.Parse(text).ShouldBe(expected);

    [Fact]
    public void Rule_summary_names_selector_and_action()
    {
        var rule = new RoutingRule { Priority = 1000, FwMark = 0x4000, FwMask = 0x4000, Table = "100", Source = At };
        rule.Summary.ShouldBe("1000: from all fwmark 0x4000/0x4000 lookup 100");
        new RoutingRule { Priority = 5, Not = true, From = Cidr.Parse("10.0.0.0/8"), Action = RoutingRuleAction.Unreachable, Source = At }
            .Summary.ShouldBe("5: not from 10.0.0.0/8 unreachable");
    }
}
