using System.Globalization;
using System.Xml.Linq;
using NetDoctor.Packs.Model;

namespace NetDoctor.Packs.Vetting.Reporters;

/// <summary>
/// JUnit XML for CI test tabs: one test suite per pack with a test case per RuleTest, plus a "vet" test case per
/// pack that fails with the pack's error diagnostics (schema, types, lint, coverage).
/// </summary>
public static class VetJUnitReporter
{
    public static string Render(VetReport report)
    {
        var suites = new XElement("testsuites", new XAttribute("name", "netdoctor vet"));
        int total = 0, failures = 0;
        var packNames = report.Packs.Select(p => p.Name).Concat(report.Tests.Select(t => t.Pack)).Distinct().ToList();
        foreach (string pack in packNames)
        {
            var info = report.Packs.FirstOrDefault(p => p.Name == pack);
            var errors = report.Diagnostics.Where(d => d.IsError && info is not null && d.Mark.File.StartsWith(info.Directory + "/", StringComparison.Ordinal)).ToList();
            var suite = new XElement("testsuite", new XAttribute("name", pack));
            var vet = new XElement("testcase", new XAttribute("classname", pack), new XAttribute("name", "schema, types, lint and coverage"));
            if (errors.Count > 0)
                vet.Add(new XElement("failure", new XAttribute("message", $"{errors.Count} error(s)"), string.Join("\n", errors.Select(e => e.ToString()))));
            suite.Add(vet);
            int suiteTests = 1, suiteFailures = errors.Count > 0 ? 1 : 0;
            double seconds = 0;
            foreach (var test in report.Tests.Where(t => t.Pack == pack))
            {
                var testCase = new XElement("testcase",
                    new XAttribute("classname", $"{pack}.{test.RuleId}"),
                    new XAttribute("name", test.Name),
                    new XAttribute("file", test.Mark.File),
                    new XAttribute("line", test.Mark.Line),
                    new XAttribute("time", (test.ElapsedMs / 1000).ToString("0.000", CultureInfo.InvariantCulture)));
                if (!test.Passed)
                {
                    testCase.Add(new XElement("failure", new XAttribute("message", test.Failures[0]), string.Join("\n", test.Failures)));
                    suiteFailures++;
                }
                suite.Add(testCase);
                suiteTests++;
                seconds += test.ElapsedMs / 1000;
            }
            suite.Add(new XAttribute("tests", suiteTests), new XAttribute("failures", suiteFailures),
                new XAttribute("time", seconds.ToString("0.000", CultureInfo.InvariantCulture)));
            suites.Add(suite);
            total += suiteTests;
            failures += suiteFailures;
        }
        suites.Add(new XAttribute("tests", total), new XAttribute("failures", failures));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites).Declaration + "\n" + suites;
    }
}
