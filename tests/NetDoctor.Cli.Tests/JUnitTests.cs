using System.Xml.Linq;

namespace NetDoctor.Cli.Tests;

/// <summary>
/// JUnit as CI test tabs read it: every document `run` and `vet` write validates against Jenkins xunit's junit-10.xsd
/// and Ant's JUnit XSD, and the tab is red (a failing test case) exactly when the command exits 1.
/// </summary>
public class JUnitTests
{
    public static TheoryData<string> Samples => new(Repo.Samples);

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Run_junit_has_a_case_per_rule_and_node_and_fails_exactly_when_run_does(string sample)
    {
        var json = await Cli.Run("run", "--bundle", Repo.Sample(sample), "--format", "json");
        var result = await Cli.Run("run", "--bundle", Repo.Sample(sample), "--format", "junit");
        Schemas.ShouldBeValidJUnit(result.Out, $"run --format junit of {sample}");

        var xml = XDocument.Parse(result.Out);
        var cases = xml.Descendants("testcase").Where(c => (string)c.Attribute("classname")! != "netdoctor.run").ToList();
        var nodes = json.Json["inputs"]!.AsArray().SelectMany(i => i!["nodes"]!.AsArray()).Select(n => (string)n!).Distinct().ToList();
        foreach (string node in nodes)
            cases.ShouldContain(c => (string)c.Attribute("name")! == node && (string)c.Attribute("classname")! == "node/no-route-to-service-cidr");
        cases.Select(c => $"{c.Attribute("classname")!.Value}@{c.Attribute("name")!.Value}").ShouldBeUnique();

        // Red exactly when run exits 1: the failing cases are the diagnoses at or above --fail-on (warning).
        bool failed = xml.Descendants("failure").Any();
        failed.ShouldBe(result.ExitCode == 1, result.ToString());
        var expected = json.Json["diagnoses"]!.AsArray().Where(d => (string)d!["severity"]! != "info")
            .Select(d => $"{d!["ruleId"]}@{(string?)d["node"] ?? "cluster"}").Distinct().Order().ToList();
        cases.Where(c => c.Element("failure") is not null).Select(c => $"{c.Attribute("classname")!.Value}@{c.Attribute("name")!.Value}").Order().ToList().ShouldBe(expected);
        foreach (var suite in xml.Root!.Elements("testsuite"))
        {
            ((int)suite.Attribute("tests")!).ShouldBe(suite.Elements("testcase").Count());
            ((int)suite.Attribute("failures")!).ShouldBe(suite.Elements("testcase").Count(c => c.Element("failure") is not null));
        }
    }

    [Fact]
    public async Task A_failing_case_carries_the_diagnosis_and_its_fix_commands()
    {
        var result = await Cli.Run("run", "--bundle", Repo.Sample("incident-003-no-default-route"), "--format", "junit");
        var failure = XDocument.Parse(result.Out).Descendants("testcase")
            .Single(c => (string)c.Attribute("classname")! == "node/no-route-to-service-cidr" && (string)c.Attribute("name")! == "admin").Element("failure")!;
        ((string)failure.Attribute("type")!).ShouldBe("critical");
        ((string)failure.Attribute("message")!).ShouldContain("10.96.0.0/12");
        failure.Value.ShouldContain("ip route add 10.96.0.0/12 dev enp0s8");
        failure.Value.ShouldContain("admin/ip-route.txt:4");
    }

    [Fact]
    public async Task Fail_on_moves_findings_below_it_out_of_the_failures()
    {
        var result = await Cli.Run("run", "--bundle", Repo.Sample("incident-004-kube-proxy-no-cluster-cidr"), "--format", "junit", "--fail-on", "critical");
        result.ExitCode.ShouldBe(0, result.ToString());
        Schemas.ShouldBeValidJUnit(result.Out, "run --format junit --fail-on critical");
        var xml = XDocument.Parse(result.Out);
        xml.Descendants("failure").ShouldBeEmpty();
        xml.Descendants("system-out").ShouldContain(s => s.Value.Contains("kube-proxy/missing-cluster-cidr"));
    }

    [Fact]
    public async Task Vet_of_every_folder_under_rulepacks_fails_with_a_failing_case_for_the_folder_that_is_no_pack()
    {
        // CONTRIBUTING's old CI command: rulepacks/* includes rulepacks/schema, which holds no pack.yaml.
        var folders = Directory.GetDirectories(Path.Combine(Repo.Root, "rulepacks")).Order().ToArray();
        var result = await Cli.Run(["vet", .. folders, "--format", "junit"]);

        result.ExitCode.ShouldBe(1, result.Err);
        Schemas.ShouldBeValidJUnit(result.Out, "vet rulepacks/* --format junit");
        var failing = XDocument.Parse(result.Out).Descendants("testcase").Where(c => c.Element("failure") is not null).ToList();
        failing.ShouldHaveSingleItem();
        ((string)failing[0].Attribute("name")!).ShouldEndWith("rulepacks/schema");
        ((string)failing[0].Element("failure")!.Attribute("message")!).ShouldContain("no pack.yaml");
    }

    [Fact]
    public async Task Vet_of_the_built_in_packs_is_green_and_of_a_broken_pack_red_with_its_failing_case()
    {
        var green = await Cli.Run("vet", Path.Combine(Repo.Root, "rulepacks"), "--format", "junit");
        green.ExitCode.ShouldBe(0, green.ToString());
        Schemas.ShouldBeValidJUnit(green.Out, "vet rulepacks --format junit");
        var xml = XDocument.Parse(green.Out);
        xml.Descendants("failure").ShouldBeEmpty();
        xml.Root!.Elements("testsuite").Select(s => (string)s.Attribute("name")!).ShouldBe(["calico", "cluster", "kube-proxy", "node"]);
        xml.Descendants("testcase").Count().ShouldBeGreaterThan(80);

        using var broken = BrokenPack.Create();
        var red = await Cli.Run("vet", broken.Directory, "--format", "junit");
        red.ExitCode.ShouldBe(1);
        Schemas.ShouldBeValidJUnit(red.Out, "vet --format junit of a broken pack");
        var failure = XDocument.Parse(red.Out).Descendants("failure").First();
        failure.Value.ShouldContain("rules/typo.yaml:10:");
        failure.Value.ShouldContain("Cidrr");
    }
}
