using NetDoctor.Collectors.Parsers.CalicoV1;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.CalicoV1;

public sealed class CalicoV1NodeParserTests
{
    private readonly CalicoV1NodeParser _parser = new();

    private ParseResult Parse(string text, string path = "paste-1.txt") => _parser.Parse(new ParseInput(path, null, text));

    [Fact]
    public void Calicoctl_v0_node_and_etcd_v2_values_as_pasted_in_calicoctl_460()
    {
        var r = Parse(FixtureFiles.Parser("CalicoV1", "calicoctl-460-node-and-etcdctl.txt"));
        r.Problems.ShouldBeEmpty();
        var nodes = r.Facts.OfType<CalicoNode>().OrderBy(n => n.Name).ToList();
        nodes.Select(n => (n.Name, n.Ipv4Address.ToString(), n.Source.Line)).ShouldBe(
            [("calico-01", "10.1.42.1/32", 2), ("calico-02", "10.1.42.1/32", 6)]);
    }

    [Fact]
    public void Etcd_v3_key_and_value_lines()
    {
        var r = Parse(FixtureFiles.Parser("CalicoV1", "etcdctl-v3-get-prefix.txt"));
        r.Problems.ShouldBeEmpty();
        var first = r.Facts.OfType<CalicoNode>().Single(n => n.Name == "calico-01");
        (first.Ipv4Address.ToString(), first.Ipv6Address.ToString(), first.AsNumber, first.Source.Line)
            .ShouldBe(("172.18.18.101/32", "fd80:24e2:f998:72d6::1/128", (long?)64512, 3));
        r.Facts.OfType<CalicoNode>().Single(n => n.Name == "calico-02").Source.Line.ShouldBe(9);
    }

    [Fact]
    public void A_value_that_is_not_an_address_is_a_problem_at_its_line()
    {
        var r = Parse("$ etcdctl get /calico/bgp/v1/host/n1/ip_addr_v4\nError:  100: Key not found (/calico/bgp/v1/host/n1/ip_addr_v4) [5]\n");
        r.Facts.ShouldBeEmpty();
        r.Problems.Single().Source.Line.ShouldBe(2);
    }

    [Fact]
    public void Detected_ip_without_a_prompt_naming_the_host_gives_no_node()
    {
        var r = Parse("$ calicoctl node\nNo IP provided. Using detected IP: 10.0.2.15\n");
        r.Facts.ShouldBeEmpty();
        r.Problems.Single().Message.ShouldContain("node is unknown");
    }

    [Theory]
    [InlineData("etcdctl get /calico/bgp/v1/host/a/ip_addr_v4\n10.0.0.1\n", 80)]
    [InlineData("core@c1 ~ $ calicoctl node\nNo IP provided. Using detected IP: 10.1.42.1\n", 75)]
    [InlineData("Using detected IP: 10.1.42.1\n", 0)]
    [InlineData("calicoctl node status\n", 0)]
    public void Sniffs(string head, int expected) => _parser.Sniff("paste-1.txt", head).ShouldBe(expected);
}

public sealed class CalicoV1NodeParserRobustness : ParserRobustnessSuite
{
    protected override IFormatParser Parser => new CalicoV1NodeParser();
    protected override string Sample => FixtureFiles.Parser("CalicoV1", "etcdctl-v3-get-prefix.txt");
}
