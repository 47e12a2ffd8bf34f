using NetDoctor.Collectors.Bundles;
using NetDoctor.Collectors.Sniffing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Bundles;

public class BundleRobustnessTests
{
    private static string Fixture(string name) => FixturePath.Path("Bundles", "Fixtures", name);

    private static IEnumerable<string> Describe(FactBase facts) =>
        facts.Facts.Select(f => $"{f.Node}|{f.Source}|{f.Summary}");

    [Theory]
    [InlineData("netdoctor", "netdoctor-k8s01-20240612T055500Z")]
    [InlineData("node-diags", null)]
    [InlineData("cluster-diags", null)]
    [InlineData("loose", null)]
    public void A_tarball_reads_into_the_same_facts_as_the_directory(string fixture, string? topFolder)
    {
        using var dir = new TempDir();
        string archive = dir.Combine(fixture + ".tar.gz");
        TarBuilder.FromDirectory(Fixture(fixture), archive, topFolder);

        var fromDir = LineParsers.Reader().ReadAll([Fixture(fixture)]);
        var fromTar = LineParsers.Reader().ReadAll([archive]);

        Describe(fromTar).ShouldBe(Describe(fromDir));
        fromTar.Inputs.Single().Layout.ShouldBe(fromDir.Inputs.Single().Layout);
        fromTar.Inputs.Single().Nodes.ShouldBe(fromDir.Inputs.Single().Nodes);
        fromTar.Facts.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_malformed_file_is_a_problem_with_file_and_line_and_the_rest_is_still_read()
    {
        using var dir = new TempDir();
        dir.File("k8s01/ip-route.txt", "default via 10.0.0.1 dev eth0\nBROKEN\n10.0.0.0/24 dev eth0 scope link\n");
        dir.File("k8s02/ip-route.txt", "default via 10.0.0.1 dev eth0\n");
        dir.File("manifest.yaml", "tool: {name: netdoctor}\n");

        var facts = LineParsers.Reader().ReadAll([dir.Path]);

        facts.Problems.Single().Source.ShouldBe(new Source("k8s01/ip-route.txt", 2));
        facts.Facts.Select(f => f.Source.ToString()).ShouldBe(["k8s01/ip-route.txt:1", "k8s01/ip-route.txt:3", "k8s02/ip-route.txt:1"]);
    }

    [Fact]
    public void A_parser_that_throws_costs_only_its_file()
    {
        var throwing = new ParserEntry(new ThrowingParser(), FactScope.Node);
        var reader = new BundleReader(null, new FileParser(new FormatSniffer([throwing, .. LineParsers.Catalog])));
        using var dir = new TempDir();
        dir.File("k8s01/boom.txt", "BOOM\n");
        dir.File("k8s01/ip-route.txt", "default via 10.0.0.1 dev eth0\n");
        dir.File("k8s02/ip-route.txt", "default via 10.0.0.1 dev eth0\n");

        var facts = reader.ReadAll([dir.Path]);

        facts.Problems.Single().Source.File.ShouldBe("k8s01/boom.txt");
        facts.Facts.Count.ShouldBe(2);
    }

    [Fact]
    public void Two_bundles_form_one_fact_base_and_a_node_in_both_is_one_node()
    {
        var facts = LineParsers.Reader().ReadAll([Fixture("netdoctor"), Fixture("node-diags")]);

        facts.Inputs.Count.ShouldBe(2);
        facts.Inputs[0].Nodes.ShouldBe(["k8s01", "k8s02"]);
        facts.Inputs[1].Nodes.ShouldBe(["k8s02"]);
        facts.Nodes.ShouldBe(["k8s01", "k8s02"]);
        var k8s02Files = facts.Facts.Where(f => f.Node == "k8s02").Select(f => f.Source.File).Distinct().Order().ToList();
        k8s02Files.ShouldContain("k8s02/ip-route.txt");
        k8s02Files.ShouldContain("ipv4_route");
        facts.Files.Select(f => f.Input).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public void Path_traversal_and_absolute_entries_are_rejected_and_safe_entries_still_read()
    {
        using var dir = new TempDir();
        string archive = dir.Combine("evil.tar.gz");
        TarBuilder.FromEntries(archive, [
            ("../../etc/cron.d/evil", TarBuilder.Text("default via 6.6.6.6 dev eth0\n")),
            ("/etc/passwd", TarBuilder.Text("root:x:0:0\n")),
            ("k8s01/../../escape.txt", TarBuilder.Text("default via 6.6.6.6 dev eth0\n")),
            ("k8s01/ip-route.txt", TarBuilder.Text("default via 10.0.0.1 dev eth0\n")),
            ("k8s02/ip-route.txt", TarBuilder.Text("default via 10.0.0.1 dev eth0\n")),
        ], System.Formats.Tar.TarEntryFormat.Gnu);

        var facts = LineParsers.Reader().ReadAll([archive]);

        facts.Problems.Count.ShouldBe(3);
        facts.Problems.ShouldAllBe(p => p.Source.File == "evil.tar.gz" && p.Message.Contains("rejected"));
        facts.Problems.Count(p => p.Message.Contains("traversal")).ShouldBe(2);
        facts.Problems.Count(p => p.Message.Contains("absolute")).ShouldBe(1);
        facts.Facts.Select(f => f.Source.ToString()).ShouldBe(["k8s01/ip-route.txt:1", "k8s02/ip-route.txt:1"]);
        facts.Facts.ShouldAllBe(f => !f.Summary.Contains("6.6.6.6"));
    }

    [Fact]
    public void A_huge_entry_is_reported_and_not_read_while_the_rest_is()
    {
        using var dir = new TempDir();
        string archive = dir.Combine("big.tgz");
        var huge = new byte[3 * 1024 * 1024];
        Array.Fill(huge, (byte)'a');
        TarBuilder.FromEntries(archive, [
            ("bundle/k8s01/ip-route.txt", huge),
            ("bundle/k8s02/ip-route.txt", TarBuilder.Text("default via 10.0.0.1 dev eth0\n")),
            ("bundle/manifest.yaml", TarBuilder.Text("tool: {name: netdoctor}\n")),
        ]);

        var facts = LineParsers.Reader(new BundleReadOptions { MaxFileBytes = 1024 * 1024 }).ReadAll([archive]);

        var problem = facts.Problems.Single();
        problem.Source.File.ShouldBe("k8s01/ip-route.txt");
        problem.Message.ShouldContain("limit");
        facts.Facts.Single().Source.ShouldBe(new Source("k8s02/ip-route.txt", 1));
    }

    [Fact]
    public void An_archive_that_expands_beyond_the_archive_limit_stops_with_a_problem()
    {
        using var dir = new TempDir();
        string archive = dir.Combine("bomb.tar.gz");
        var zeros = new byte[8 * 1024 * 1024];
        TarBuilder.FromEntries(archive, [
            ("b/manifest.yaml", TarBuilder.Text("tool: {name: netdoctor}\n")),
            ("b/k8s01/ip-route.txt", TarBuilder.Text("default via 10.0.0.1 dev eth0\n")),
            ("b/k8s01/filler.bin", zeros),
            ("b/k8s02/ip-route.txt", TarBuilder.Text("default via 10.0.0.1 dev eth0\n")),
        ]);
        new FileInfo(archive).Length.ShouldBeLessThan(100_000);

        var facts = LineParsers.Reader(new BundleReadOptions { MaxArchiveBytes = 2 * 1024 * 1024 }).ReadAll([archive]);

        facts.Problems.ShouldContain(p => p.Source.File == "bomb.tar.gz" && p.Message.Contains("expands"));
        facts.Facts.Single().Source.ShouldBe(new Source("k8s01/ip-route.txt", 1));
    }

    [Fact]
    public void A_truncated_archive_keeps_what_was_read_before_the_damage()
    {
        using var dir = new TempDir();
        string archive = dir.Combine("cut.tar.gz");
        var filler = new byte[512 * 1024];
        new Random(7).NextBytes(filler);
        TarBuilder.FromEntries(archive, [
            ("b/manifest.yaml", TarBuilder.Text("tool: {name: netdoctor}\n")),
            ("b/k8s01/ip-route.txt", TarBuilder.Text("default via 10.0.0.1 dev eth0\n")),
            ("b/k8s01/noise.bin", filler),
            ("b/k8s02/ip-route.txt", TarBuilder.Text("default via 10.0.0.1 dev eth0\n")),
        ]);
        var bytes = File.ReadAllBytes(archive);
        File.WriteAllBytes(archive, bytes[..(bytes.Length / 2)]);

        var facts = LineParsers.Reader().ReadAll([archive]);

        facts.Problems.ShouldContain(p => p.Source.File == "cut.tar.gz" && p.Message.Contains("damaged"));
        facts.Facts.Select(f => f.Source.File).ShouldContain("k8s01/ip-route.txt");
    }

    private sealed class ThrowingParser : Parsing.IFormatParser
    {
        public string Kind => "throwing";
        public int Sniff(string fileName, string head) => head.StartsWith("BOOM") ? 100 : 0;
        public Parsing.ParseResult Parse(Parsing.ParseInput input) => throw new InvalidOperationException("parser bug");
    }
}
