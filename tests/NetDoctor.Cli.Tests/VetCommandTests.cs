using System.Xml.Linq;

namespace NetDoctor.Cli.Tests;

/// <summary>`netdoctor vet` as a pack's CI runs it: every built-in pack passes; a broken pack fails with file:line:column.</summary>
public class VetCommandTests
{
    [Theory]
    [InlineData("cluster")]
    [InlineData("calico")]
    [InlineData("kube-proxy")]
    [InlineData("node")]
    public async Task Every_built_in_pack_passes_vet_with_full_coverage(string pack)
    {
        var result = await Cli.Run("vet", Path.Combine(Repo.Root, "rulepacks", pack));
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("(100%)");
    }

    [Fact]
    public async Task Junit_output_is_xml_with_one_testcase_per_rule_test()
    {
        var result = await Cli.Run("vet", Path.Combine(Repo.Root, "rulepacks", "node"), "--format", "junit");
        var xml = XDocument.Parse(result.Out);
        xml.Descendants("testcase").Count().ShouldBeGreaterThan(3);
        xml.Descendants("failure").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_broken_pack_fails_vet_and_points_at_the_line_and_column()
    {
        using var pack = BrokenPack.Create();

        var result = await Cli.Run("vet", pack.Directory);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Out.ShouldContain("rules/typo.yaml:10:");
        result.Out.ShouldContain("Cidrr");

        var run = await Cli.Run("run", "--bundle", Repo.Sample("healthy-calico-ipip"), "--packs", pack.Directory);
        run.ExitCode.ShouldBe(2, run.ToString());
        run.Err.ShouldContain("Cidrr");
    }
}
