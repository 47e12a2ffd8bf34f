using NetDoctor.Facts;
using NetDoctor.Packs.Expressions.Helpers;

namespace NetDoctor.Packs.Tests;

public sealed class NetSupernetTests
{
    [Theory]
    [InlineData("10.244.0.0/24 10.244.3.0/24", "10.244.0.0/22")]
    [InlineData("10.244.0.0/24 10.244.1.0/24", "10.244.0.0/23")]
    [InlineData("10.244.5.0/24", "10.244.5.0/24")]
    [InlineData("10.244.0.0/24 10.245.0.0/24", "10.244.0.0/15")]
    [InlineData("10.0.0.0/8 192.168.0.0/16", "0.0.0.0/0")]
    [InlineData("10.244.0.0/16 10.244.7.0/24", "10.244.0.0/16")]
    [InlineData("fd00:10:244:1::/64 fd00:10:244:2::/64", "fd00:10:244::/62")]
    // Another family than the first one's is left out.
    [InlineData("10.244.0.0/24 fd00::/64 10.244.1.0/24", "10.244.0.0/23")]
    public void The_smallest_prefix_holding_every_cidr(string cidrs, string expected) =>
        Net.Supernet(cidrs.Split(' ').Select(Cidr.Parse)).ShouldBe(Cidr.Parse(expected));

    [Fact]
    public void No_cidrs_give_the_same_nothing_as_an_unparsable_cidr() =>
        Net.Supernet([]).ShouldBe(Net.ParseCidr("not a cidr"));
}
