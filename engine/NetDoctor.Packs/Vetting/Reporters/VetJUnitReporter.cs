using System.Text;
using NetDoctor.Packs.Model;

namespace NetDoctor.Packs.Vetting.Reporters;

/// <summary>
/// JUnit XML for CI test tabs. One suite per pack: a case per RuleTest, plus a "schema, types, lint and coverage" case
/// that fails with the pack's error diagnostics. Errors that belong to no pack — a folder given to vet without a
/// pack.yaml, a C# rule id taken twice — fail cases of a "netdoctor vet" suite, so the test tab is red exactly when
/// vet exits 1.
/// </summary>
public static class VetJUnitReporter
{
    public const string LoadSuite = "netdoctor vet";

    public static string Render(VetReport report) => Render(report, DateTime.UtcNow, Environment.MachineName);

    public static string Render(VetReport report, DateTime timestamp, string hostname)
    {
        var suites = new List<JUnitSuite>();
        var attributed = new HashSet<PackDiagnostic>();
        var packNames = report.Packs.Select(p => p.Name).Concat(report.Tests.Select(t => t.Pack)).Distinct().ToList();
        foreach (string pack in packNames)
        {
            var info = report.Packs.FirstOrDefault(p => p.Name == pack);
            var mine = report.Diagnostics.Where(d => info is not null && InPack(d, info.Directory)).ToList();
            attributed.UnionWith(mine);
            var errors = mine.Where(d => d.IsError).ToList();
            var cases = new List<JUnitCase>
            {
                new(pack, "schema, types, lint and coverage", 0, errors.Count == 0 ? null
                    : new JUnitFailure(errors[0].Code, $"{errors.Count} error{(errors.Count == 1 ? "" : "s")}: {errors[0].Message}", string.Join("\n", errors.Select(Line)))),
            };
            foreach (var test in report.Tests.Where(t => t.Pack == pack))
            {
                cases.Add(new JUnitCase($"{pack}.{test.RuleId}", test.Name, test.ElapsedMs / 1000, test.Passed ? null
                    : new JUnitFailure(DiagnosticCodes.TestFailed, test.Failures[0], $"{test.Mark}\n" + string.Join("\n", test.Failures))));
            }
            var properties = new List<KeyValuePair<string, string>>();
            if (info is not null)
            {
                properties.Add(new("version", info.Version));
                properties.Add(new("directory", info.Directory));
            }
            var warnings = mine.Where(d => !d.IsError).Select(Line);
            suites.Add(new JUnitSuite(pack, cases, properties, string.Join("\n", warnings)));
        }

        // Whatever no pack owns still fails the run, so it must fail a case: one per file or folder it names.
        var orphans = report.Diagnostics.Where(d => d.IsError && !attributed.Contains(d)).ToList();
        if (orphans.Count > 0)
        {
            var cases = orphans.GroupBy(d => d.Mark.File.Length > 0 ? d.Mark.File : "(no file)")
                .Select(g => new JUnitCase("netdoctor.vet", "load " + g.Key, 0,
                    new JUnitFailure(g.First().Code, g.First().Message, string.Join("\n", g.Select(Line)))))
                .ToList();
            suites.Add(new JUnitSuite(LoadSuite, cases, []));
        }
        return JUnitXml.Render(suites, timestamp, hostname);
    }

    private static bool InPack(PackDiagnostic d, string directory) =>
        d.Mark.File == directory || d.Mark.File.StartsWith(directory + "/", StringComparison.Ordinal);

    private static string Line(PackDiagnostic d) =>
        new StringBuilder().Append(d.Mark).Append(": ").Append(VetTextReporter.Level(d.Severity)).Append('[').Append(d.Code).Append("]: ").Append(d.Message).ToString();
}
