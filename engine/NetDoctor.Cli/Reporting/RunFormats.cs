using NetDoctor.Cli.Commands;
using NetDoctor.Cli.Reporting.GitHub;
using NetDoctor.Cli.Reporting.JUnit;
using NetDoctor.Cli.Reporting.Markdown;
using NetDoctor.Cli.Reporting.Sarif;
using NetDoctor.Cli.Reporting.Text;
using NetDoctor.Engine;

namespace NetDoctor.Cli.Reporting;

/// <summary>The formats of `netdoctor run`, by name: one table for --format and every --output-FORMAT.</summary>
public static class RunFormats
{
    public static IReadOnlyList<string> Names { get; } = ["text", "json", "sarif", "markdown", "junit", "github"];

    /// <summary>The report as a document; text is laid out for a file (default width, no colour).</summary>
    public static string Render(string format, RunReport report, bool explain, RuleSeverity failOn) => format switch
    {
        "json" => JsonReporter.Render(report),
        "sarif" => SarifReporter.Render(report, explain),
        "markdown" => MarkdownReporter.Render(report, explain),
        "junit" => RunJUnitReporter.Render(report, failOn),
        "github" => GitHubReporter.Render(report),
        "text" => CliConsole.RenderPlain(canvas => new TextReporter(canvas).Render(report, explain)),
        _ => throw new ArgumentException($"unknown format '{format}'", nameof(format)),
    };
}
