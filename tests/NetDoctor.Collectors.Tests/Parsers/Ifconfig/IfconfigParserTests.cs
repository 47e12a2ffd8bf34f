using System.Net;
using NetDoctor.Collectors.Parsers.Ifconfig;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.Ifconfig;

/// <summary>Fixtures: a lab capture of net-tools 2.10 and two public pastes (Fixtures/README.md).</summary>
public class IfconfigParserTests
{
    private readonly IfconfigParser _parser = new();

    private ParseResult Parse(string file) => _parser.Parse(ParserFixture.Input("Ifconfig", file, "k8s01/ifconfig.txt", "k8s01"));

    [Fact]
    public void Lab_capture_gives_the_same_addresses_and_links_as_ip_addr_would()
    {
        var result = Parse("lab-ifconfig-a.txt");

        result.Problems.ShouldBeEmpty();
        var addresses = result.Facts.OfType<InterfaceAddress>().ToList();
        addresses.Select(a => (a.Interface, a.Address.ToString(), a.Scope, a.Source.Line)).ShouldBe(
        [
            ("docker0", "172.17.0.1/16", Scope.Global, 16),
            ("eth0", "192.168.21.10/24", Scope.Global, 24),
            ("eth0", "fe80::5054:ff:fee1:6c16/64", Scope.Link, 25),
            ("eth0", "fd00:21::10/64", Scope.Global, 26),
            ("eth0", "192.168.21.100/24", Scope.Global, 34),
            ("kube-ipvs0", "10.96.0.1/32", Scope.Global, 38),
            ("lo", "127.0.0.1/8", Scope.Host, 46),
            ("lo", "::1/128", Scope.Host, 47),
        ]);
        addresses[0].Broadcast.ShouldBe(IPAddress.Parse("172.17.255.255"));
        addresses[4].Label.ShouldBe("eth0:1");   // the alias block: its address on eth0, no link of its own
        addresses[4].Broadcast.ShouldBeNull();   // ifconfig prints 0.0.0.0 for "none"
        addresses.ShouldAllBe(a => a.Node == "k8s01" && a.Source.File == "k8s01/ifconfig.txt");

        var links = result.Facts.OfType<NetworkLink>().ToList();
        links.Select(l => l.Name).ShouldBe(["cali-p0", "cali12d4a061371", "docker0", "eth0", "kube-ipvs0", "lo", "vdown0", "vdown1"]);
        var eth0 = links.Single(l => l.Name == "eth0");
        (eth0.State, eth0.Mtu, eth0.LinkType, eth0.IsUp, eth0.Source.Line).ShouldBe((LinkState.Up, 1500, "ether", true, 23));
        eth0.Mac!.ToString().ShouldBe("525400E16C16");
        var docker0 = links.Single(l => l.Name == "docker0");
        (docker0.IsUp, docker0.State).ShouldBe((true, LinkState.Down)); // UP without RUNNING: no carrier
        links.Single(l => l.Name == "cali12d4a061371").Mtu.ShouldBe(1440);
        links.Single(l => l.Name == "lo").LinkType.ShouldBe("loopback");
        links.Single(l => l.Name == "vdown0").IsUp.ShouldBeFalse();
    }

    [Fact]
    public void Old_layout_of_busybox_in_a_pod_with_its_command_line()
    {
        var result = Parse("pod-busybox-ifconfig-a.txt");

        result.Problems.ShouldBeEmpty();
        var addresses = result.Facts.OfType<InterfaceAddress>().ToList();
        addresses.Select(a => (a.Interface, a.Address.ToString(), a.Source.Line)).ShouldBe([("eth0", "10.233.90.42/32", 3), ("lo", "127.0.0.1/8", 11)]);
        addresses[0].Broadcast.ShouldBeNull();
        var links = result.Facts.OfType<NetworkLink>().ToList();
        links.Select(l => (l.Name, l.Mtu, l.State, l.LinkType)).ShouldBe([("eth0", 1500, LinkState.Up, "ether"), ("lo", 65536, LinkState.Up, "loopback")]);
        links[0].Mac!.ToString().ShouldBe("C67436720444");
        links[0].Flags.ShouldBe(["UP", "BROADCAST", "RUNNING", "MULTICAST"]);
    }

    [Fact]
    public void A_class_e_address_on_docker0_is_read_as_configured()
    {
        var result = Parse("docker0-class-e.txt");

        result.Problems.ShouldBeEmpty();
        var address = result.Facts.OfType<InterfaceAddress>().ShouldHaveSingleItem();
        (address.Interface, address.Address.ToString(), address.Source.Line).ShouldBe(("docker0", "240.127.1.1/24", 2));
    }

    [Fact]
    public void A_mask_with_holes_is_a_problem_at_its_line()
    {
        var text = "eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n        inet 10.0.0.4  netmask 255.0.255.0  broadcast 10.0.0.255\n";

        var result = _parser.Parse(new ParseInput("n/ifconfig.txt", "n", text));

        result.Problems.ShouldHaveSingleItem().Source.Line.ShouldBe(2);
        result.Facts.OfType<InterfaceAddress>().ShouldBeEmpty();
        result.Facts.OfType<NetworkLink>().ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("paste.txt", "docker0: flags=4099<UP,BROADCAST,MULTICAST>  mtu 1500\n        inet 240.127.1.1  netmask 255.255.255.0\n", 90)]
    [InlineData("paste.txt", "eth0      Link encap:Ethernet  HWaddr 08:00:27:69:F4:A0\n          inet addr:10.0.2.15  Bcast:10.0.2.255  Mask:255.255.255.0\n", 90)]
    [InlineData("k8s01/ifconfig.txt", "", 100)]
    [InlineData("paste.txt", "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP\n    inet 10.0.0.4/24 scope global eth0\n", 0)]
    public void Sniffs_by_name_and_content(string name, string head, int expected) => _parser.Sniff(name, head).ShouldBe(expected);
}
