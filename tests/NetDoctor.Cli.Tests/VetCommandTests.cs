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
        var dir = Path.Combine(Path.GetTempPath(), $"nd-pack-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(dir, "rules"));
        try
        {
            File.WriteAllText(Path.Combine(dir, "pack.yaml"), """
                apiVersion: netdoctor/v1
                kind: RulePack
                name: demo
                version: 0.1.0
                description: a pack with a typo
                """);
            File.WriteAllText(Path.Combine(dir, "rules", "typo.yaml"), """
                apiVersion: netdoctor/v1
                kind: Rule
                id: demo/pool-typo
                title: A typo in a field name
                severity: warning
                when:
                  - fact: IpPool
                    as: pool
                    where:
                      - 'pool.Cidrr.IsIPv4'
                then:
                  diagnose:
                    message: 'pool {{ pool.Name }}'
                    remediation:
                      - description: fix it
                        command: 'kubectl edit ippool {{ pool.Name }}'
                """);

            var result = await Cli.Run("vet", dir);

            result.ExitCode.ShouldBe(1, result.ToString());
            result.Out.ShouldContain("rules/typo.yaml:10:");
            result.Out.ShouldContain("Cidrr");

            var run = await Cli.Run("run", "--bundle", Repo.Sample("healthy-calico-ipip"), "--packs", dir);
            run.ExitCode.ShouldBe(2, run.ToString());
            run.Err.ShouldContain("Cidrr");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
