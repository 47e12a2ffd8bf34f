using NetDoctor.Packs.Vetting.Reporters;
using NetDoctor.Cli.Reporting.Sarif;

namespace NetDoctor.Cli.Reporting.GitHub;

/// <summary>
/// `run --format github`: GitHub Actions workflow commands, one annotation per diagnosis (critical and error as
/// ::error, warning as ::warning, info as ::notice) at its first evidence file and line when the bundle is a folder
/// (paths relative to the working directory, i.e. the checkout), with the message and the fix commands as its text;
/// input problems as warnings; rules that failed as errors at their first fact's file and line; reading cut by a budget
/// as an error; then a plain summary line.
/// </summary>
public static class GitHubReporter
{
    public static string Render(RunReport report, string? workingDirectory = null)
    {
        string cwd = workingDirectory ?? Directory.GetCurrentDirectory();
        var sources = new SarifSources(report.Inputs, cwd);
        var lines = new List<string>();
        foreach (var d in report.Diagnoses)
        {
            var (file, line) = Place(d.Evidence.Select(e => e.Source).OfType<string>(), sources, cwd);
            string text = SarifMessages.For(d)["text"]!.GetValue<string>();
            lines.Add(GitHubCommands.Annotation(Level(d.Severity), text, file, line, 0, $"{d.Severity.ToUpperInvariant()} {d.Title} ({d.RuleId}{(d.Node is null ? "" : " on " + d.Node)})"));
        }
        foreach (var p in report.Problems)
        {
            var (file, line) = Place([p.Source], sources, cwd);
            lines.Add(GitHubCommands.Annotation("warning", p.Message, file, line, 0, "netdoctor input problem"));
        }
        // What could not be checked is a warning (silence is not health); waived findings a notice, so they stay visible.
        foreach (var cause in NotEvaluatedCauses.Of(report))
            lines.Add(GitHubCommands.Annotation("warning", NotEvaluatedCauses.Line(cause), null, 0, 0, "netdoctor could not check"));
        if (report.Waived.Count > 0)
        {
            lines.Add(GitHubCommands.Annotation("notice", string.Join("; ", report.Waived.Select(w => $"{w.RuleId}{(w.Node is null ? "" : " on " + w.Node)}: {w.Reason} ({w.Waiver})")), null, 0, 0,
                $"{report.Waived.Count} diagnos{(report.Waived.Count == 1 ? "is" : "es")} waived"));
        }

        foreach (var f in report.RuleFailures)
        {
            var (file, line) = Place(f.Facts.Select(e => e.Source).OfType<string>(), sources, cwd);
            lines.Add(GitHubCommands.Annotation("error", f.Message, file, line, 0, $"netdoctor rule failed ({f.RuleId})"));
        }
        if (report.Cut is { } cut) lines.Add(GitHubCommands.Annotation("error", cut.Message, null, 0, 0, "netdoctor reading was cut (incomplete run)"));
        string failed = report.RuleFailures.Count == 0 ? "" : $", {report.RuleFailures.Count} rule failure{(report.RuleFailures.Count == 1 ? "" : "s")}";
        failed += report.Cut is null ? "" : $", reading cut ({report.Cut.Files.Count} file{(report.Cut.Files.Count == 1 ? "" : "s")})";
        lines.Add($"netdoctor: {report.Diagnoses.Count} diagnos{(report.Diagnoses.Count == 1 ? "is" : "es")}, {report.Problems.Count} input problem{(report.Problems.Count == 1 ? "" : "s")}{failed}, {report.Stats.Facts} facts" +
            $"{(report.Waived.Count > 0 ? $", {report.Waived.Count} waived" : "")}{(NotEvaluatedCauses.RuleCount(report) is > 0 and var n ? $", {n} rule{(n == 1 ? "" : "s")} not checked" : "")}.");
        return string.Join("\n", lines) + "\n";
    }

    public static string Level(string severity) => severity switch
    {
        "critical" or "error" => "error",
        "warning" => "warning",
        _ => "notice",
    };

    /// <summary>The first source that is a real file, as a path relative to the working directory when it lies under it.</summary>
    private static (string? File, int Line) Place(IEnumerable<string> sourceTexts, SarifSources sources, string cwd)
    {
        foreach (string source in sourceTexts)
        {
            if (sources.LocalPath(source) is not { } path) continue;
            string relative = Path.GetRelativePath(cwd, path);
            string file = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
            return (file.Replace('\\', '/'), GitHubCommands.SplitSource(source).Line);
        }
        return (null, 0);
    }
}
