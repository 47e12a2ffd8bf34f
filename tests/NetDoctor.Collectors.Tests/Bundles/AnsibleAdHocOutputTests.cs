using System.Diagnostics;
using System.Text;
using NetDoctor.Collectors.Bundles;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Bundles;

/// <summary>An ansible ad-hoc output is split into one file per host, each sniffed and parsed as that host's output.</summary>
public sealed class AnsibleAdHocOutputTests
{
    private static FileParseOutcome Parse(string text, string path = "paste-7.txt") =>
        new FileParser().Parse(path, "pasted-folder", Encoding.UTF8.GetBytes(text));

    private static string Fixture(string name) => File.ReadAllText(FixturePath.Path("Bundles", "Fixtures", "ansible", name));

    [Fact]
    public void Ip_route_on_three_hosts_gives_each_host_its_routes_at_the_pasted_lines()
    {
        var outcome = Parse(Fixture("seed-003-ip-route.txt"));
        outcome.Kind.ShouldBe("ansible-adhoc(ip-route)");
        outcome.Problems.ShouldBeEmpty();
        var routes = outcome.Facts.OfType<Route>().ToList();
        routes.GroupBy(r => r.Node).Select(g => (g.Key, g.Count())).ShouldBe(
            [("192.168.56.4", 9), ("192.168.56.3", 9), ("192.168.56.5", 9)]);
        routes.Where(r => r.IsDefault).Select(r => (r.Node, r.Source.Line)).ShouldBe(
            [("192.168.56.4", 4), ("192.168.56.5", 24)]);
        routes.ShouldAllBe(r => r.Source.File == "paste-7.txt");
        routes.Single(r => r.Node == "192.168.56.3" && r.Destination.ToString() == "192.168.56.0/24").Source.Line.ShouldBe(22);
    }

    [Fact]
    public void A_host_block_no_parser_reads_is_a_problem_at_its_header()
    {
        var outcome = Parse(Fixture("seed-003-traceroute.txt"), "paste-6.txt");
        outcome.Facts.ShouldBeEmpty();
        outcome.Problems.Select(p => p.Source.Line).ShouldBe([3, 6, 19]);
        outcome.Problems[0].Message.ShouldContain("ansible output of 192.168.56.3 (FAILED)");
    }

    [Fact]
    public void A_header_quoted_deep_inside_a_log_does_not_make_it_ansible_output()
    {
        var log = string.Concat(Enumerable.Repeat("2024-02-16 04:58:08.483 [INFO][8] startup.go 259: Early log level set to info\n", 60))
                  + "node1 | CHANGED | rc=0 >>\n";
        AnsibleAdHocOutput.Split(log).ShouldBeNull();
    }

    [Theory]
    [InlineData("node1 | CHANGED | rc=0 >>\n")]
    [InlineData("node1 | CHANGED | rc=0 >>\n\n\nnode2 | SUCCESS => {\n")]
    [InlineData("node1 | UNREACHABLE! => {\n    \"msg\": \"Failed to connect\"\n}\n%%% {{{ ~~~\n")]
    public void Empty_and_broken_blocks_never_throw_and_point_into_the_file(string text)
    {
        var outcome = Parse(text);
        outcome.Facts.ShouldBeEmpty();
        int lines = text.Split('\n').Length;
        outcome.Problems.ShouldAllBe(p => p.Source.File == "paste-7.txt" && p.Source.Line >= 0 && p.Source.Line <= lines);
    }

    [Fact]
    public void A_ten_megabyte_line_inside_a_block_is_read_in_linear_time()
    {
        var text = "node1 | CHANGED | rc=0 >>\ndefault via 10.0.0.1 dev eth0\n" + new string('x', 10_000_000) + "\n10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.5\n";
        var watch = Stopwatch.StartNew();
        var outcome = Parse(text);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        outcome.Facts.OfType<Route>().Select(r => r.Source.Line).ShouldBe([2, 4]);
        outcome.Problems.ShouldContain(p => p.Source.Line == 3);
    }
}
