using System.Net;

namespace NetDoctor.Facts.Tests.Cidrs;

public sealed class CidrTests
{
    [Theory]
    [InlineData("192.168.21.10/24", "192.168.21.10", 24, "192.168.21.0/24")]
    [InlineData("10.96.0.1", "10.96.0.1", 32, "10.96.0.1/32")]
    [InlineData("default", "0.0.0.0", 0, "0.0.0.0/0")]
    [InlineData(" 172.16.128.0/17 ", "172.16.128.0", 17, "172.16.128.0/17")]
    [InlineData("fd00:21::10/64", "fd00:21::10", 64, "fd00:21::/64")]
    [InlineData("::1", "::1", 128, "::1/128")]
    [InlineData("fe80::1%eth0/64", "fe80::1", 64, "fe80::/64")]
    public void Parses_addresses_with_host_bits_and_keeps_them(string text, string address, int prefix, string canonical)
    {
        Cidr.TryParse(text, out var c).ShouldBeTrue();
        c.Address.ShouldBe(IPAddress.Parse(address));
        c.PrefixLength.ShouldBe(prefix);
        c.Canonical.ToString().ShouldBe(canonical);
        // The span overload (used by the parsers on slices of a line) reads the same.
        Cidr.TryParse(("[" + text + "]").AsSpan(1, text.Length), out var fromSpan).ShouldBeTrue();
        fromSpan.ShouldBe(c);
    }

    [Fact]
    public void Host_prefixes_are_their_own_network_and_a_zone_never_reaches_the_network()
    {
        var host = Cidr.Parse("10.244.1.7/32");
        host.NetworkAddress.ShouldBe(IPAddress.Parse("10.244.1.7"));
        host.Canonical.ShouldBe(host);
        host.Contains(IPAddress.Parse("10.244.1.7")).ShouldBeTrue();
        host.Contains(IPAddress.Parse("10.244.1.8")).ShouldBeFalse();
        var zoned = new Cidr(IPAddress.Parse("fe80::1%2"), 128);
        zoned.NetworkAddress.ScopeId.ShouldBe(0);
        zoned.NetworkAddress.ShouldBe(IPAddress.Parse("fe80::1"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("10.1")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("::/129")]
    [InlineData("10.0.0.300/8")]
    [InlineData("default/0")]
    [InlineData("eth0")]
    public void Rejects_what_no_tool_prints(string? text)
    {
        Cidr.TryParse(text, out _).ShouldBeFalse();
        Cidr.TryParse((text ?? "").AsSpan(), out _).ShouldBeFalse();
        if (text is not null) Should.Throw<FormatException>(() => Cidr.Parse(text));
    }

    [Fact]
    public void Incident_000_pool_contains_the_host_network()
    {
        var pool = Cidr.Parse("192.168.0.0/16");
        var hostNet = Cidr.Parse("192.168.21.10/24");
        pool.Contains(hostNet).ShouldBeTrue();
        pool.Overlaps(hostNet).ShouldBeTrue();
        hostNet.Overlaps(pool).ShouldBeTrue();
        hostNet.Contains(pool).ShouldBeFalse();
        pool.Contains(IPAddress.Parse("192.168.21.11")).ShouldBeTrue();
        Cidr.Parse("10.244.0.0/16").Overlaps(pool).ShouldBeFalse();
    }

    [Fact]
    public void Families_never_contain_each_other()
    {
        Cidr.Parse("0.0.0.0/0").Contains(Cidr.Parse("::/0")).ShouldBeFalse();
        Cidr.Parse("::/0").Contains(IPAddress.Parse("10.0.0.1")).ShouldBeFalse();
        Cidr.Parse("::/0").IsDefault.ShouldBeTrue();
        Cidr.Parse("10.0.0.1").IsHost.ShouldBeTrue();
    }

    [Fact]
    public void Equality_keeps_host_bits_and_ordering_uses_networks()
    {
        Cidr.Parse("10.0.0.1/24").ShouldNotBe(Cidr.Parse("10.0.0.2/24"));
        Cidr.Parse("10.0.0.1/24").ShouldBe(Cidr.Parse("10.0.0.1/24"));
        var sorted = new[] { "10.1.0.0/16", "10.0.0.0/8", "10.0.0.0/16", "::/0" }.Select(Cidr.Parse).Order().Select(c => c.ToString());
        sorted.ShouldBe(["10.0.0.0/8", "10.0.0.0/16", "10.1.0.0/16", "::/0"]);
    }
}
