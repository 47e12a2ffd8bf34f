using NetDoctor.Collectors.Bundles;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Bundles;

/// <summary>A .zip reads like a .tar.gz, behind the same kind of guards: zip-slip names, entry count, size, compression ratio.</summary>
public class ZipBundleTests
{
    private static string Fixture(string name) => FixturePath.Path("Bundles", "Fixtures", name);

    private static IEnumerable<string> Describe(FactBase facts) => facts.Facts.Select(f => $"{f.Node}|{f.Source}|{f.Summary}");

    private static readonly byte[] Route = TarBuilder.Text("default via 10.0.0.1 dev eth0\n");

    [Theory]
    [InlineData("netdoctor", "netdoctor-k8s01-20240612T055500Z")]
    [InlineData("node-diags", null)]
    [InlineData("cluster-diags", null)]
    [InlineData("loose", null)]
    public void A_zip_reads_into_the_same_facts_as_the_directory(string fixture, string? topFolder)
    {
        using var dir = new TempDir();
        string archive = dir.Combine(fixture + ".zip");
        ZipBuilder.FromDirectory(Fixture(fixture), archive, topFolder);

        var fromDir = LineParsers.Reader().ReadAll([Fixture(fixture)]);
        var fromZip = LineParsers.Reader().ReadAll([archive]);

        Describe(fromZip).ShouldBe(Describe(fromDir));
        fromZip.Inputs.Single().Layout.ShouldBe(fromDir.Inputs.Single().Layout);
        fromZip.Inputs.Single().Nodes.ShouldBe(fromDir.Inputs.Single().Nodes);
        fromZip.Facts.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Zip_slip_names_are_rejected_and_safe_entries_still_read()
    {
        using var dir = new TempDir();
        string archive = dir.Combine("evil.zip");
        ZipBuilder.FromEntries(archive, [
            ("../../etc/cron.d/evil", TarBuilder.Text("default via 6.6.6.6 dev eth0\n")),
            ("..\\..\\windows\\evil.txt", TarBuilder.Text("default via 6.6.6.6 dev eth0\n")),
            ("/etc/passwd", TarBuilder.Text("root:x:0:0\n")),
            ("C:/Windows/system.ini", TarBuilder.Text("x\n")),
            ("k8s01/ip-route.txt", Route),
            ("k8s02/ip-route.txt", Route),
        ]);

        var facts = LineParsers.Reader().ReadAll([archive]);

        facts.Problems.Select(p => (p.Source.File, p.Message[(p.Message.IndexOf("rejected: ") + 10)..])).ShouldBe([
            ("evil.zip", "path traversal ('..')"), ("evil.zip", "path traversal ('..')"), ("evil.zip", "absolute path"), ("evil.zip", "drive-letter path"),
        ]);
        facts.Facts.Select(f => f.Source.ToString()).ShouldBe(["k8s01/ip-route.txt:1", "k8s02/ip-route.txt:1"]);
    }

    [Fact]
    public void A_zip_declaring_more_entries_than_the_limit_is_not_listed()
    {
        using var dir = new TempDir();
        string archive = dir.Combine("many.zip");
        ZipBuilder.FromEntries(archive, Enumerable.Range(0, 50).Select(i => ($"k8s01/route-{i}.txt", Route)));

        var facts = LineParsers.Reader(new BundleReadOptions { MaxEntries = 10 }).ReadAll([archive]);

        facts.Problems.Single().ShouldSatisfyAllConditions(
            p => p.Source.ShouldBe(new Source("many.zip", 0)),
            p => p.Message.ShouldContain("declares 50 entries"));
        facts.Facts.ShouldBeEmpty();
    }

    [Fact]
    public void An_entry_larger_than_the_file_limit_is_reported_and_the_rest_is_read()
    {
        using var dir = new TempDir();
        string archive = dir.Combine("big.zip");
        var noise = new byte[3 * 1024 * 1024];
        new Random(3).NextBytes(noise);
        ZipBuilder.FromEntries(archive, [("k8s01/ip-route.txt", noise), ("k8s02/ip-route.txt", Route)]);

        var facts = LineParsers.Reader(new BundleReadOptions { MaxFileBytes = 1024 * 1024 }).ReadAll([archive]);

        facts.Problems.Single().ShouldSatisfyAllConditions(
            p => p.Source.ShouldBe(new Source("k8s01/ip-route.txt", 0)),
            p => p.Message.ShouldContain("limit"));
        facts.Facts.Single().Source.ShouldBe(new Source("k8s02/ip-route.txt", 1));
    }

    [Fact]
    public void An_entry_that_expands_beyond_the_compression_ratio_is_a_zip_bomb_and_is_not_read()
    {
        using var dir = new TempDir();
        string archive = dir.Combine("bomb.zip");
        ZipBuilder.FromEntries(archive, [("k8s01/ip-route.txt", new byte[16 * 1024 * 1024]), ("k8s02/ip-route.txt", Route)]);
        new FileInfo(archive).Length.ShouldBeLessThan(100_000);

        var facts = LineParsers.Reader().ReadAll([archive]);

        facts.Problems.Single().ShouldSatisfyAllConditions(
            p => p.Source.ShouldBe(new Source("k8s01/ip-route.txt", 0)),
            p => p.Message.ShouldContain("zip bomb"));
        facts.Facts.Single().Source.ShouldBe(new Source("k8s02/ip-route.txt", 1));
    }

    [Fact]
    public void A_header_that_understates_the_size_does_not_make_the_reader_expand_more()
    {
        using var dir = new TempDir();
        string archive = dir.Combine("liar.zip");
        var lines = TarBuilder.Text(string.Concat(Enumerable.Repeat("default via 10.0.0.1 dev eth0\n", 300_000)));
        ZipBuilder.FromEntries(archive, [("k8s01/ip-route.txt", lines), ("k8s02/ip-route.txt", Route)]);
        var bytes = File.ReadAllBytes(archive);
        // Both headers of the first entry claim 100 bytes instead of 9 MB.
        foreach (int at in Offsets(bytes, [0x50, 0x4B, 0x03, 0x04])) if (BitConverter.ToUInt32(bytes, at + 22) == lines.Length) BitConverter.GetBytes(100u).CopyTo(bytes, at + 22);
        foreach (int at in Offsets(bytes, [0x50, 0x4B, 0x01, 0x02])) if (BitConverter.ToUInt32(bytes, at + 24) == lines.Length) BitConverter.GetBytes(100u).CopyTo(bytes, at + 24);
        File.WriteAllBytes(archive, bytes);

        var facts = LineParsers.Reader().ReadAll([archive]);

        // Whether the zip reader stops at the declared size or reports the mismatch, no more than the header claims is read.
        facts.Facts.Count(f => f.Source.File == "k8s01/ip-route.txt").ShouldBeLessThanOrEqualTo(4);
        facts.Problems.ShouldAllBe(p => p.Source.File == "k8s01/ip-route.txt");
        facts.Facts.ShouldContain(f => f.Source == new Source("k8s02/ip-route.txt", 1));
    }

    [Fact]
    public void All_entries_together_stay_under_the_archive_limit()
    {
        using var dir = new TempDir();
        string archive = dir.Combine("wide.zip");
        var noise = new byte[600 * 1024];
        new Random(5).NextBytes(noise);
        ZipBuilder.FromEntries(archive, [("b/manifest.yaml", TarBuilder.Text("tool: {name: netdoctor}\n")), ("b/k8s01/ip-route.txt", Route),
            ("b/k8s01/a.txt", noise), ("b/k8s01/b.txt", noise), ("b/k8s02/ip-route.txt", Route)]);

        var facts = LineParsers.Reader(new BundleReadOptions { MaxArchiveBytes = 1024 * 1024 }).ReadAll([archive]);

        facts.Problems.ShouldContain(p => p.Source.File == "wide.zip" && p.Message.Contains("expands to more than"));
        facts.Facts.ShouldContain(f => f.Source.File == "k8s01/ip-route.txt");
        facts.Facts.ShouldNotContain(f => f.Source.File == "k8s02/ip-route.txt");
    }

    [Fact]
    public void A_damaged_zip_is_a_problem_not_an_exception()
    {
        using var dir = new TempDir();
        string archive = dir.Combine("cut.zip");
        ZipBuilder.FromEntries(archive, [("k8s01/ip-route.txt", Route), ("k8s02/ip-route.txt", Route)]);
        var bytes = File.ReadAllBytes(archive);
        File.WriteAllBytes(archive, bytes[..(bytes.Length - 30)]);

        var facts = LineParsers.Reader().ReadAll([archive]);

        facts.Problems.ShouldContain(p => p.Source.File == "cut.zip" && p.Message.Contains("damaged"));
    }

    private static IEnumerable<int> Offsets(byte[] bytes, byte[] signature)
    {
        for (int i = 0; i + signature.Length <= bytes.Length; i++)
            if (bytes.AsSpan(i, signature.Length).SequenceEqual(signature)) yield return i;
    }
}
