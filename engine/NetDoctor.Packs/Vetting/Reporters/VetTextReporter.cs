using System.Globalization;
using System.Text;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Output;

namespace NetDoctor.Packs.Vetting.Reporters;

/// <summary>Plain text for terminals and CI logs: compiler-style diagnostics, one line per test, coverage, a verdict.</summary>
public static class VetTextReporter
{
    public static string Render(VetReport report)
    {
        var text = new StringBuilder();
        foreach (var pack in report.Packs)
            text.AppendLine(CultureInfo.InvariantCulture, $"pack {pack.Name} {pack.Version}: {pack.Rules} rules ({pack.Directory})");
        foreach (var d in report.Diagnostics)
            text.AppendLine(CultureInfo.InvariantCulture, $"{d.Mark}: {Level(d.Severity)}[{d.Code}]: {d.Message}");
        foreach (var test in report.Tests)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{(test.Passed ? "PASS" : "FAIL")} {test.Pack}: {test.Name} ({test.RuleId}) {test.ElapsedMs:0} ms");
            foreach (string failure in test.Failures)
                text.AppendLine(CultureInfo.InvariantCulture, $"     {test.Mark}: {failure.Replace("\n", "\n     ", StringComparison.Ordinal)}");
            foreach (string line in test.Trace ?? [])
                text.AppendLine(CultureInfo.InvariantCulture, $"     {line}");
        }
        var c = report.Coverage;
        if (report.RunFilter is { } filter)
            text.AppendLine(CultureInfo.InvariantCulture, $"coverage: not checked (only the tests matching --run '{filter}' ran)");
        else text.AppendLine(CultureInfo.InvariantCulture, $"coverage: {c.Covered}/{c.Total} rules have a firing and a non-firing test ({c.Percent.ToString("0.#", CultureInfo.InvariantCulture)}%)");
        text.AppendLine(Verdict(report));
        // Pack names, messages and test names come from the pack: shown escaped, never obeyed by the terminal.
        return SafeText.Escape(text.ToString());
    }

    /// <summary>The closing line every vet format that people read ends with.</summary>
    public static string Verdict(VetReport report) =>
        $"vet {(report.Passed ? "passed" : "FAILED")}: {report.Errors} error(s), {report.Warnings} warning(s), {report.TestsPassed}/{report.Tests.Count} tests passed";

    internal static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
