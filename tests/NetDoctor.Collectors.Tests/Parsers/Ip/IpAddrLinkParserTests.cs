using System.Net;
using System.Net.NetworkInformation;
using NetDoctor.Collectors.Parsers.Ip;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.Ip;

public sealed class IpAddrParserTests
{
    private static ParseResult Parse(IFormatParser p, string fixture) =>
        p.Parse(new ParseInput("k8s01/" + fixture, "k8s01", FixtureFiles.Parser("Ip", fixture)));

    [Fact]
    public void Lab_addresses_keep_host_bits_scope_flags_and_line()
    {
        var r = Parse(new IpAddrParser(), "lab-ip-addr.txt");
        r.Problems.ShouldBeEmpty();
        var addrs = r.Facts.OfType<InterfaceAddress>().ToList();
        addrs.Count.ShouldBe(13);
        var eth0 = addrs.Single(a => a.Source.Line == 9);
        (eth0.Interface, eth0.InterfaceIndex, eth0.Address, eth0.Family, eth0.Scope).ShouldBe(("eth0", (int?)2, Cidr.Parse("192.168.21.10/24"), IpFamily.Inet, Scope.Global));
        eth0.Address.Canonical.ShouldBe(Cidr.Parse("192.168.21.0/24"));
        eth0.Label.ShouldBeNull();
        var v6 = addrs.Single(a => a.Source.Line == 11);
        (v6.Family, v6.Flags.Single()).ShouldBe((IpFamily.Inet6, "nodad"));
        addrs.Single(a => a.Source.Line == 13).Flags.ShouldBe(["tentative"]);
        addrs.Single(a => a.Source.Line == 3).Scope.ShouldBe(Scope.Host);
        addrs.Where(a => a.Interface == "kube-ipvs0").Select(a => a.Address).ShouldBe([Cidr.Parse("10.96.0.1/32"), Cidr.Parse("10.96.0.10/32")]);
        addrs.Single(a => a.Interface == "stray0").Address.ShouldBe(Cidr.Parse("192.188.1.1/24"));
    }

    [Fact]
    public void Lab_links_from_addr_output()
    {
        var links = Parse(new IpAddrParser(), "lab-ip-addr.txt").Facts.OfType<NetworkLink>().ToList();
        links.Count.ShouldBe(10);
        var eth0 = links.Single(l => l.Name == "eth0");
        (eth0.Index, eth0.Parent, eth0.State, eth0.Mtu, eth0.LinkType, eth0.IsUp, eth0.HasCarrier).ShouldBe((2, "if2", LinkState.Up, (int?)1500, "ether", true, true));
        eth0.Mac.ShouldBe(PhysicalAddress.Parse("2A-FA-2B-88-33-71"));
        eth0.Source.Line.ShouldBe(7);
        var tunl = links.Single(l => l.Name == "tunl0");
        (tunl.State, tunl.Mtu, tunl.HasCarrier).ShouldBe((LinkState.LowerLayerDown, (int?)1480, false));
        links.Single(l => l.Name == "vdown1").Parent.ShouldBe("vdown0");
        links.Single(l => l.Name == "lo").LinkType.ShouldBe("loopback");
    }

    [Fact]
    public void Seed_004_kube_ipvs0_holds_the_cluster_ip()
    {
        var r = Parse(new IpAddrParser(), "seed-004-ip-addr-kube-ipvs0.txt");
        r.Problems.ShouldBeEmpty();
        var a = r.Facts.OfType<InterfaceAddress>().Single();
        (a.Interface, a.InterfaceIndex, a.Address, a.Broadcast, a.Source.Line).ShouldBe(("kube-ipvs0", (int?)784, Cidr.Parse("10.20.0.1/32"), IPAddress.Parse("10.20.0.1"), 2));
        var link = r.Facts.OfType<NetworkLink>().Single();
        (link.State, link.IsUp, link.Flags.Contains("NOARP")).ShouldBe((LinkState.Down, false, true));
    }

    [Fact]
    public void Labels_peers_and_secondary_addresses()
    {
        var text = "3: eth1: <BROADCAST,UP> mtu 1500 state UP\n    inet 10.0.0.5/24 brd 10.0.0.255 scope global secondary dynamic noprefixroute eth1:vip\n    inet 10.9.0.1 peer 10.9.0.2/32 scope global eth1\n";
        var addrs = new IpAddrParser().Parse(new ParseInput("n/ip-addr.txt", "n", text)).Facts.OfType<InterfaceAddress>().ToList();
        (addrs[0].Label, addrs[0].IsSecondary).ShouldBe(("eth1:vip", true));
        addrs[0].Flags.ShouldBe(["secondary", "dynamic", "noprefixroute"]);
        addrs[1].Peer.ShouldBe(Cidr.Parse("10.9.0.2/32"));
        addrs[1].Label.ShouldBeNull();
    }

    [Fact]
    public void Json_addr_matches_the_text_output()
    {
        var json = Parse(new IpAddrJsonParser(), "lab-ip-addr.json");
        json.Problems.ShouldBeEmpty();
        var text = Parse(new IpAddrParser(), "lab-ip-addr.txt");
        static object A(InterfaceAddress a) => (a.Interface, a.InterfaceIndex, a.Address, a.Scope, a.Label, string.Join(",", a.Flags));
        json.Facts.OfType<InterfaceAddress>().Select(A).ShouldBe(text.Facts.OfType<InterfaceAddress>().Select(A));
        static object L(NetworkLink l) => (l.Index, l.Name, l.Parent, l.State, l.Mtu, l.LinkType, l.Mac?.ToString(), string.Join(",", l.Flags));
        json.Facts.OfType<NetworkLink>().Select(L).ShouldBe(text.Facts.OfType<NetworkLink>().Select(L).Select(x => x));
    }

    [Theory]
    [InlineData("k8s01/ip-addr.txt", "", 100)]
    [InlineData("diagnostics/ipv4_addr", "", 100)]
    [InlineData("x", "1: lo: <LOOPBACK,UP> mtu 65536 qdisc noqueue\n    inet 127.0.0.1/8 scope host lo\n", 90)]
    [InlineData("x", "1: lo: <LOOPBACK,UP> mtu 65536 qdisc noqueue\n    link/loopback 00:00:00:00:00:00\n", 0)]
    public void Sniff(string name, string head, int expected) => new IpAddrParser().Sniff(name, head).ShouldBe(expected);
}

public sealed class IpLinkParserTests
{
    [Fact]
    public void Detail_lines_give_the_kind_and_json_agrees()
    {
        var text = new IpLinkParser().Parse(new ParseInput("k8s01/ip-link.txt", "k8s01", FixtureFiles.Parser("Ip", "lab-ip-link.txt")));
        text.Problems.ShouldBeEmpty();
        var links = text.Facts.Cast<NetworkLink>().ToList();
        links.Count.ShouldBe(10);
        links.Single(l => l.Name == "docker0").Kind.ShouldBe("bridge");
        links.Single(l => l.Name == "vxlan.calico").Kind.ShouldBe("vxlan");
        links.Single(l => l.Name == "cali12d4a061371").Kind.ShouldBe("veth");
        links.Single(l => l.Name == "lo").Kind.ShouldBeNull();
        links.Single(l => l.Name == "kube-ipvs0").Source.Line.ShouldBe(12);

        var json = new IpLinkJsonParser().Parse(new ParseInput("k8s01/ip-link.json", "k8s01", FixtureFiles.Parser("Ip", "lab-ip-link.json")));
        json.Problems.ShouldBeEmpty();
        json.Facts.Cast<NetworkLink>().Select(l => (l.Name, l.Kind, l.State, l.Mtu))
            .ShouldBe(links.Select(l => (l.Name, l.Kind, l.State, l.Mtu)));
    }

    [Fact]
    public void Master_and_bad_header()
    {
        var r = new IpLinkParser().Parse(new ParseInput("n/ip-link.txt", "n", "x: broken\n5: veth1@if4: <UP,LOWER_UP> mtu 1500 master cni0 state UP\n    link/ether 02:00:00:00:00:01 brd ff:ff:ff:ff:ff:ff\n"));
        r.Problems.Single().Source.Line.ShouldBe(1);
        var link = r.Facts.Cast<NetworkLink>().Single();
        (link.Master, link.Parent, link.Source.Line).ShouldBe(("cni0", "if4", 2));
    }
}

public sealed class IpRuleParserTests
{
    [Fact]
    public void Lab_rules_text_and_json()
    {
        var text = new IpRuleParser().Parse(new ParseInput("k8s01/ip-rule.txt", "k8s01", FixtureFiles.Parser("Ip", "lab-ip-rule.txt")));
        text.Problems.ShouldBeEmpty();
        var rules = text.Facts.Cast<RoutingRule>().ToList();
        rules.Select(r => r.Priority).ShouldBe([0, 1000, 1001, 1002, 32766, 32767]);
        var mark = rules[1];
        (mark.FwMark, mark.FwMask, mark.Table, mark.From, mark.Source.Line).ShouldBe(((uint?)0x4000, (uint?)0x4000, "100", (Cidr?)null, 2));
        (rules[2].From, rules[2].To).ShouldBe(((Cidr?)Cidr.Parse("192.168.236.0/26"), (Cidr?)Cidr.Parse("10.30.0.0/16")));
        (rules[3].Not, rules[3].InputInterface, rules[3].Table).ShouldBe((true, "eth0", "main"));

        var json = new IpRuleJsonParser().Parse(new ParseInput("k8s01/ip-rule.json", "k8s01", FixtureFiles.Parser("Ip", "lab-ip-rule.json")));
        json.Problems.ShouldBeEmpty();
        json.Facts.Cast<RoutingRule>().Select(r => r.Summary).ShouldBe(rules.Select(r => r.Summary));
    }

    [Fact]
    public void Actions_and_bad_lines()
    {
        var r = new IpRuleParser().Parse(new ParseInput("n/ip-rule.txt", "n", "100:\tfrom all to 10.0.0.0/8 blackhole\n200:\tfrom all goto 300\nrubbish\n300:\tfrom 10.0.0.0/99 lookup main\n"));
        var rules = r.Facts.Cast<RoutingRule>().ToList();
        rules[0].Action.ShouldBe(RoutingRuleAction.Blackhole);
        (rules[1].Action, rules[1].GotoPriority).ShouldBe((RoutingRuleAction.Goto, (int?)300));
        r.Problems.Select(p => p.Source.Line).ShouldBe([3, 4]);
    }
}

public sealed class IpAddrRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new IpAddrParser();
    protected override string Sample => FixtureFiles.Parser("Ip", "lab-ip-addr.txt");
}

public sealed class IpAddrJsonRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new IpAddrJsonParser();
    protected override string Sample => FixtureFiles.Parser("Ip", "lab-ip-addr.json");
    protected override bool LineOriented => false;
}

public sealed class IpLinkRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new IpLinkParser();
    protected override string Sample => FixtureFiles.Parser("Ip", "lab-ip-link.txt");
}

public sealed class IpLinkJsonRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new IpLinkJsonParser();
    protected override string Sample => FixtureFiles.Parser("Ip", "lab-ip-link.json");
    protected override bool LineOriented => false;
}

public sealed class IpRuleRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new IpRuleParser();
    protected override string Sample => FixtureFiles.Parser("Ip", "lab-ip-rule.txt");
}

public sealed class IpRuleJsonRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new IpRuleJsonParser();
    protected override string Sample => FixtureFiles.Parser("Ip", "lab-ip-rule.json");
    protected override bool LineOriented => false;
}
