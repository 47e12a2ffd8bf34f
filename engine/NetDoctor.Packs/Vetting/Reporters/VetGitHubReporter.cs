using NetDoctor.Packs.Model;

namespace NetDoctor.Packs.Vetting.Reporters;

/// <summary>vet as GitHub Actions annotations: each diagnostic and failed RuleTest at its file, line and column, then the verdict.</summary>
public static class VetGitHubReporter
{
    public static string Render(VetReport report)
    {
        var lines = new List<string>();
        foreach (var d in report.Diagnostics)
        {
            string level = d.Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "notice" };
            lines.Add(GitHubCommands.Annotation(level, d.Message, Nullable(d.Mark.File), d.Mark.Line, d.Mark.Column, $"vet {d.Code}"));
        }
        foreach (var test in report.Tests.Where(t => !t.Passed))
        {
            lines.Add(GitHubCommands.Annotation("error", string.Join("\n", test.Failures), Nullable(test.Mark.File), test.Mark.Line, test.Mark.Column,
                $"test '{test.Name}' of {test.RuleId} failed"));
        }

        lines.Add(VetTextReporter.Verdict(report));
        return string.Join("\n", lines) + "\n";
    }

    private static string? Nullable(string file) => file.Length > 0 ? file : null;
}
