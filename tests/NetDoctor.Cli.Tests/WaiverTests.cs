using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace NetDoctor.Cli.Tests;

/// <summary>
/// `run --waivers FILE`: a waived diagnosis is listed apart in every format and does not fail the run; an expired
/// waiver no longer applies and is reported; a waiver that covers nothing is reported as stale; a malformed file is a
/// usage error at file:line. Expiry is judged on --today so the tests do not depend on the clock.
/// </summary>
public class WaiverTests
{
    private static readonly string Incident003 = Repo.Sample("incident-003-no-default-route");

    private static string Waivers(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "waivers", name);

    [Theory]
    [InlineData("indexed")]
    [InlineData("nrules")]
    public async Task A_matching_waiver_moves_the_diagnosis_to_waived_and_the_run_passes(string engine)
    {
        string file = Waivers("no-route-on-admin.yaml");
        var result = await Cli.Run("run", "--bundle", Incident003, "--waivers", file, "--today", "2026-12-06", "--engine", engine, "--format", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Json["diagnoses"]!.AsArray().ShouldBeEmpty();
        var waived = result.Json["waived"]!.AsArray().ShouldHaveSingleItem()!;
        ((string)waived["ruleId"]!).ShouldBe("node/no-route-to-service-cidr");
        ((string)waived["node"]!).ShouldBe("admin");
        ((string)waived["reason"]!).ShouldBe("lab VM without DHCP, tracked in NET-42");
        ((string)waived["expires"]!).ShouldBe("2027-01-31");
        ((string)waived["waiver"]!).ShouldBe(file + ":2");   // the entry's line, after the comment
        ((string)waived["diagnosis"]!["severity"]!).ShouldBe("critical");
        ((string)waived["diagnosis"]!["message"]!).ShouldContain("10.96.0.0/12");
        result.Json["problems"]!.AsArray().ShouldNotContain(p => ((string)p!["source"]!).StartsWith(file));
    }

    [Fact]
    public async Task Text_counts_the_waived_diagnoses_and_explain_lists_them()
    {
        string file = Waivers("no-route-on-admin.yaml");
        var plain = await Cli.Run("run", "--bundle", Incident003, "--waivers", file, "--today", "2026-12-06");
        var explained = await Cli.Run("run", "--bundle", Incident003, "--waivers", file, "--today", "2026-12-06", "--explain");

        plain.Out.ShouldContain($"1 diagnosis waived (--waivers {file}); --explain lists them.");
        plain.Out.ShouldNotContain("NET-42");
        explained.Out.ShouldContain("critical node/no-route-to-service-cidr on admin: lab VM without DHCP, tracked in NET-42");
    }

    [Fact]
    public async Task An_expired_waiver_no_longer_applies_and_is_reported_with_its_place_and_date()
    {
        string file = Waivers("no-route-on-admin.yaml");
        var result = await Cli.Run("run", "--bundle", Incident003, "--waivers", file, "--today", "2027-02-01", "--format", "json");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Json["waived"]!.AsArray().ShouldBeEmpty();
        result.Json["diagnoses"]!.AsArray().Select(d => (string)d!["ruleId"]!).ShouldBe(["node/no-route-to-service-cidr"]);
        var problem = result.Json["problems"]!.AsArray().Single(p => (string)p!["source"]! == file + ":2")!;
        ((string)problem["message"]!).ShouldBe("waiver for node/no-route-to-service-cidr on admin expired on 2027-01-31 and no longer applies: 1 diagnosis reported again");
    }

    [Fact]
    public async Task A_waiver_still_applies_on_its_expiry_date()
    {
        var result = await Cli.Run("run", "--bundle", Incident003, "--waivers", Waivers("no-route-on-admin.yaml"), "--today", "2027-01-31", "--format", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Json["waived"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_waiver_for_another_node_does_not_apply_and_waivers_that_cover_nothing_are_stale()
    {
        string file = Waivers("other-node-and-glob.yaml");
        var result = await Cli.Run("run", "--bundle", Incident003, "--waivers", file, "--format", "json");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Json["waived"]!.AsArray().ShouldBeEmpty();
        result.Json["diagnoses"]!.AsArray().Count.ShouldBe(1);
        var problems = result.Json["problems"]!.AsArray().Where(p => ((string)p!["source"]!).StartsWith(file)).ToDictionary(p => (string)p!["source"]!, p => (string)p!["message"]!);
        problems[file + ":2"].ShouldStartWith("waiver for node/no-route-to-service-cidr on k8s02 matched no diagnosis (stale");
        problems[file + ":5"].ShouldStartWith("waiver for calico/* matched no diagnosis (stale");
    }

    [Fact]
    public async Task A_malformed_waiver_file_is_a_usage_error_naming_each_mistake_at_its_line()
    {
        string file = Waivers("malformed.yaml");
        var result = await Cli.Run("run", "--bundle", Incident003, "--waivers", file);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Err.ShouldContain($"{file}:1: missing 'reason'");
        result.Err.ShouldContain($"{file}:3: expires '2027-13-01' is not a date YYYY-MM-DD");
        result.Err.ShouldContain($"{file}:5: unknown key 'reasn' (did you mean 'reason'?)");
        result.Err.IndexOf($"{file}:3:", StringComparison.Ordinal).ShouldBeLessThan(result.Err.IndexOf($"{file}:4:", StringComparison.Ordinal));   // in file order
    }

    [Fact]
    public async Task A_waiver_file_that_is_not_a_list_or_not_yaml_is_a_usage_error_at_its_line()
    {
        var dir = Directory.CreateTempSubdirectory("nd-waivers-");
        try
        {
            string mapping = Path.Combine(dir.FullName, "mapping.yaml");
            File.WriteAllText(mapping, "rule: node/no-route-to-service-cidr\nreason: x\n");
            string broken = Path.Combine(dir.FullName, "broken.yaml");
            File.WriteAllText(broken, "- rule: node/no-route-to-service-cidr\n  reason: [unclosed\n");

            var notList = await Cli.Run("run", "--bundle", Incident003, "--waivers", mapping);
            var notYaml = await Cli.Run("run", "--bundle", Incident003, "--waivers", broken);

            notList.ExitCode.ShouldBe(2);
            notList.Err.ShouldContain($"{mapping}:1: expected a list of waivers");
            notYaml.ExitCode.ShouldBe(2);
            notYaml.Err.ShouldContain($"{broken}:");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Sarif_keeps_a_waived_result_with_an_external_suppression_and_stays_valid()
    {
        var result = await Cli.Run("run", "--bundle", Incident003, "--waivers", Waivers("no-route-on-admin.yaml"), "--today", "2026-12-06", "--format", "sarif");

        result.ExitCode.ShouldBe(0, result.ToString());
        Schemas.ShouldBeValidSarif(result.Out, "run --format sarif with a waived diagnosis");
        var sarifResult = JsonNode.Parse(result.Out)!["runs"]![0]!["results"]!.AsArray().ShouldHaveSingleItem()!;
        ((string)sarifResult["ruleId"]!).ShouldBe("node/no-route-to-service-cidr");
        var suppression = sarifResult["suppressions"]!.AsArray().ShouldHaveSingleItem()!;
        ((string)suppression["kind"]!).ShouldBe("external");
        ((string)suppression["justification"]!).ShouldBe("lab VM without DHCP, tracked in NET-42");
    }

    [Fact]
    public async Task Junit_shows_a_waived_diagnosis_as_a_skipped_case_with_the_reason_and_stays_valid()
    {
        var result = await Cli.Run("run", "--bundle", Incident003, "--waivers", Waivers("no-route-on-admin.yaml"), "--today", "2026-12-06", "--format", "junit");

        result.ExitCode.ShouldBe(0, result.ToString());
        Schemas.ShouldBeValidJUnit(result.Out, "run --format junit with a waived diagnosis");
        var xml = XDocument.Parse(result.Out);
        xml.Descendants("failure").ShouldBeEmpty();
        var skipped = xml.Descendants("testcase")
            .Single(c => (string)c.Attribute("classname")! == "node/no-route-to-service-cidr" && (string)c.Attribute("name")! == "admin").Element("skipped")!;
        ((string)skipped.Attribute("message")!).ShouldStartWith("waived: lab VM without DHCP, tracked in NET-42");
        var suite = xml.Descendants("testsuite").Single(s => (string)s.Attribute("name")! == "node");
        ((int)suite.Attribute("skipped")!).ShouldBe(1);
    }

    [Theory]
    [InlineData("markdown", "## Waived (1)")]
    [InlineData("github", "::notice title=1 diagnosis waived::node/no-route-to-service-cidr on admin: lab VM without DHCP")]
    public async Task Markdown_and_github_name_the_waived_diagnosis(string format, string expected)
    {
        var result = await Cli.Run("run", "--bundle", Incident003, "--waivers", Waivers("no-route-on-admin.yaml"), "--today", "2026-12-06", "--format", format);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain(expected);
    }
}
