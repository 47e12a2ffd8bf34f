using System.Text.Json;
using System.Xml.Linq;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Tests.TestFacts;
using NetDoctor.Packs.Vetting;
using NetDoctor.Packs.Vetting.Reporters;

namespace NetDoctor.Packs.Tests;

public class VetTests
{
    private static VetReport VetGood() => PackVetter.Vet(Fixtures.Pack("good"), new VetOptions(TestCatalog.Instance, new LineFactSource()));

    private static VetReport VetFailing() => PackVetter.Vet(Fixtures.Pack("vet-failing"), new VetOptions(TestCatalog.Instance, new LineFactSource()));

    [Fact]
    public void Good_pack_passes_with_full_coverage()
    {
        var report = VetGood();

        report.Passed.ShouldBeTrue(VetTextReporter.Render(report));
        report.Tests.Count.ShouldBe(8);
        report.Coverage.Percent.ShouldBe(100);
        VetTextReporter.Render(report).ShouldEndWith("coverage: 4/4 rules have a firing and a non-firing test (100%)\nvet passed: 0 error(s), 0 warning(s), 8/8 tests passed\n");
    }

    [Fact]
    public void Failing_tests_bad_facts_and_missing_coverage_fail_vet()
    {
        var report = VetFailing();

        report.Passed.ShouldBeFalse();
        report.Tests.Select(t => (t.Name, t.Passed)).ShouldBe([("wrong expectation", false), ("fires as expected", true), ("bad fact field", false)]);
        report.Tests[0].Failures.ShouldBe([
            "no message contains \"pool p2\"; messages: pool p1 masquerades",
            "no remediation step contains \"check p2\"; steps: check p1",
        ]);
        report.Tests[2].Failures.ShouldHaveSingleItem().ShouldEndWith(
            "tests/pool.yaml:32:26: 'not-a-cidr' is not a valid Cidr: 'not-a-cidr' is not an IP address or CIDR");
        report.Coverage.Covered.ShouldBe(0);
        report.Coverage.Percent.ShouldBe(0);
        report.Diagnostics.Where(d => d.Code == DiagnosticCodes.Coverage).Select(d => d.Message).ShouldBe([
            "rule 'vet-failing/nat-pool' needs passing tests: one where it does not",
            "rule 'vet-failing/untested' needs passing tests: one where it fires and one where it does not",
        ]);
    }

    [Fact]
    public void Json_output_has_verdict_tests_and_coverage()
    {
        using var json = JsonDocument.Parse(VetJsonReporter.Render(VetFailing()));
        var root = json.RootElement;

        root.GetProperty("passed").GetBoolean().ShouldBeFalse();
        root.GetProperty("tests").GetArrayLength().ShouldBe(3);
        root.GetProperty("coverage").GetProperty("percent").GetDouble().ShouldBe(0);
        root.GetProperty("diagnostics")[0].GetProperty("code").GetString().ShouldBe("coverage");
        root.GetProperty("summary").GetProperty("testsFailed").GetInt32().ShouldBe(2);
    }

    [Fact]
    public void JUnit_output_has_a_case_per_test_and_one_for_lint()
    {
        var xml = XDocument.Parse(VetJUnitReporter.Render(VetFailing()));
        var suite = xml.Root!.Element("testsuite")!;

        // Counts live on the suites (Ant's JUnit schema allows no attributes on <testsuites>).
        xml.Root!.Attributes().ShouldBeEmpty();
        suite.Attribute("tests")!.Value.ShouldBe("4");
        suite.Attribute("failures")!.Value.ShouldBe("3");
        suite.Attribute("name")!.Value.ShouldBe("vet-failing");
        suite.Elements("testcase").Select(t => t.Attribute("name")!.Value).ShouldBe(["schema, types, lint and coverage", "wrong expectation", "fires as expected", "bad fact field"]);
        suite.Elements("testcase").Count(t => t.Element("failure") is not null).ShouldBe(3);
    }

    [Fact]
    public void Sarif_output_is_2_1_0_with_locations()
    {
        using var sarif = JsonDocument.Parse(VetSarifReporter.Render(VetFailing()));
        var root = sarif.RootElement;

        root.GetProperty("version").GetString().ShouldBe("2.1.0");
        var run = root.GetProperty("runs")[0];
        run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString().ShouldBe("netdoctor vet");
        var results = run.GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("ruleId").GetString()).ShouldBe(["coverage", "coverage", "test-failed", "test-failed"]);
        var region = results[2].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        region.GetProperty("startLine").GetInt32().ShouldBe(1);
        results[2].GetProperty("level").GetString().ShouldBe("error");
    }

    [Fact]
    public void Unknown_format_is_refused() =>
        Should.Throw<ArgumentException>(() => VetReporters.Render(VetGood(), "xml")).Message.ShouldStartWith("unknown vet format 'xml'");
}
