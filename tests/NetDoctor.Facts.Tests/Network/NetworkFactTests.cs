namespace NetDoctor.Facts.Tests.Network;

public sealed class NetworkFactTests
{
    private static readonly Source At = new("k8s02/ip-addr.txt", 7);

    [Fact]
    public void Interface_address_family_scope_and_summary()
    {
        var a = new InterfaceAddress { Interface = "stray0", Address = Cidr.Parse("192.188.1.1/24"), Source = At };
        a.Family.ShouldBe(IpFamily.Inet);
        a.Summary.ShouldBe("stray0 192.188.1.1/24");
        var ll = new InterfaceAddress { Interface = "eth0", Address = Cidr.Parse("fe80::1/64"), Scope = Scope.Link, Flags = ["secondary"], Source = At };
        ll.Family.ShouldBe(IpFamily.Inet6);
        ll.IsSecondary.ShouldBeTrue();
        ll.Summary.ShouldBe("eth0 fe80::1/64 scope link");
    }

    [Fact]
    public void Link_up_means_the_UP_flag_and_carrier_LOWER_UP()
    {
        var l = new NetworkLink { Index = 6, Name = "tunl0", Parent = "NONE", State = LinkState.Unknown, Flags = ["NOARP", "UP"], Mtu = 1480, Source = At };
        (l.IsUp, l.HasCarrier).ShouldBe((true, false));
        l.Summary.ShouldBe("6: tunl0@NONE unknown mtu 1480");
    }

    [Theory]
    [InlineData("inet", IpFamily.Inet)]
    [InlineData("inet6", IpFamily.Inet6)]
    [InlineData("bogus", IpFamily.Unknown)]
    public void Family_names(string text, IpFamily expected) => IpFamilyNames.Parse(text).ShouldBe(expected);
}
