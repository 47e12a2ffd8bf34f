using System.Net;
using NetDoctor.Collectors.Parsers.Ipvsadm;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.Ipvsadm;

/// <summary>
/// `-Sn` is incident 004's output verbatim; `-Ln` is the same services in ipvsadm's table layout, hand-written
/// (this machine's kernel has no IPVS, see Fixtures/README.md).
/// </summary>
public class IpvsadmParserTests
{
    private readonly IpvsadmParser _parser = new();

    [Fact]
    public void Save_format_of_incident_004()
    {
        var result = _parser.Parse(ParserFixture.Input("Ipvsadm", "ipvsadm-Sn-004.txt", "node-10.19.136.10/ipvsadm.txt", "node-10.19.136.10"));

        result.Problems.ShouldBeEmpty();
        var service = result.Facts.OfType<IpvsService>().ShouldHaveSingleItem();
        service.Protocol.ShouldBe(IpvsProtocol.Tcp);
        service.Address.ShouldBe(IPAddress.Parse("10.20.0.1"));
        service.Port.ShouldBe(443);
        service.Scheduler.ShouldBe("rr");
        service.Persistent.ShouldBeTrue();
        service.PersistenceTimeout.ShouldBe(10800);
        service.Source.ShouldBe(new Source("node-10.19.136.10/ipvsadm.txt", 1));
        service.Node.ShouldBe("node-10.19.136.10");

        var destinations = result.Facts.OfType<IpvsDestination>().ToList();
        destinations.Select(d => $"{d.Address}:{d.Port}").ShouldBe(["10.19.9.120:6443", "10.19.14.106:6443", "10.19.111.132:6443"]);
        destinations.ShouldAllBe(d => d.Forwarding == IpvsForwarding.Masq && d.Weight == 1 && d.ServiceKey == "10.20.0.1:443" && d.ActiveConnections == null);
        destinations[2].Source.Line.ShouldBe(4);
    }

    [Fact]
    public void List_format_with_udp_fwm_and_ipv6()
    {
        var result = _parser.Parse(ParserFixture.Input("Ipvsadm", "ipvsadm-Ln-004.txt", "n/ipvsadm.txt", "n"));

        result.Problems.ShouldBeEmpty();
        var services = result.Facts.OfType<IpvsService>().ToList();
        services.Select(s => s.Key).ShouldBe(["10.20.0.1:443", "10.20.0.10:53", "fwm 7", "[fd00:20::1]:443"]);
        services[0].PersistenceTimeout.ShouldBe(10800);
        services[1].Protocol.ShouldBe(IpvsProtocol.Udp);
        services[1].Persistent.ShouldBeFalse();
        services[2].FirewallMark.ShouldBe(7);
        services[2].Source.Line.ShouldBe(10);

        var destinations = result.Facts.OfType<IpvsDestination>().ToList();
        destinations.Count.ShouldBe(6);
        destinations[1].ActiveConnections.ShouldBe(2);
        destinations[2].InactiveConnections.ShouldBe(1);
        destinations[2].Source.Line.ShouldBe(7);
        destinations[3].ServiceProtocol.ShouldBe(IpvsProtocol.Udp);
        destinations[4].Forwarding.ShouldBe(IpvsForwarding.Route);
        destinations[4].ServiceKey.ShouldBe("fwm 7");
        destinations[5].Address.ShouldBe(IPAddress.Parse("fd00:19::120"));
        destinations[5].ServiceKey.ShouldBe("[fd00:20::1]:443");
    }

    [Fact]
    public void Bad_lines_are_problems_and_do_not_stop_the_rest()
    {
        var text = "-A -t 10.20.0.1:443 -s rr\n-a -t 10.20.0.1:443 -r nonsense -m -w 1\n-a -t 10.20.0.1:443 -r 10.0.0.2:6443 -g -w 3\n  -> 10.0.0.3:80 Masq x 0 0\nTCP 10.20.0.1 rr\n";
        var result = _parser.Parse(new ParseInput("n/ipvsadm.txt", "n", text));

        result.Problems.Select(p => p.Source.Line).ShouldBe([2, 4, 5]);
        var d = result.Facts.OfType<IpvsDestination>().ShouldHaveSingleItem();
        d.Forwarding.ShouldBe(IpvsForwarding.Route);
        d.Weight.ShouldBe(3);
        d.Source.Line.ShouldBe(3);
    }

    [Theory]
    [InlineData("n/ipvsadm.txt", "", 100)]
    [InlineData("x.txt", "IP Virtual Server version 1.2.1 (size=4096)\n", 95)]
    [InlineData("x.txt", "-A -t 10.20.0.1:443 -s rr -p 10800\n", 80)]
    [InlineData("x.txt", "-A INPUT -j ACCEPT\n", 0)]
    public void Sniffs(string name, string head, int expected) => _parser.Sniff(name, head).ShouldBe(expected);
}
