namespace NetDoctor.Packs.Vetting.Reporters;

/// <summary>The vet output formats by name (`netdoctor vet --format`, and `--output-FORMAT FILE` for several at once).</summary>
public static class VetReporters
{
    public static IReadOnlyList<string> Formats { get; } = ["text", "json", "junit", "sarif", "github"];

    public static string Render(VetReport report, string format) => Render(report, format, ReportTool.Default);

    public static string Render(VetReport report, string format, ReportTool tool) => format switch
    {
        "text" => VetTextReporter.Render(report),
        "json" => VetJsonReporter.Render(report, tool),
        "junit" => VetJUnitReporter.Render(report),
        "sarif" => VetSarifReporter.Render(report, tool, Directory.GetCurrentDirectory()),
        "github" => VetGitHubReporter.Render(report),
        _ => throw new ArgumentException($"unknown vet format '{format}' (use {string.Join(", ", Formats)})", nameof(format)),
    };
}
