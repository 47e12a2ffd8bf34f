namespace NetDoctor.Packs.Vetting.Reporters;

/// <summary>The vet output formats by name (`netdoctor vet --format`).</summary>
public static class VetReporters
{
    public static IReadOnlyList<string> Formats { get; } = ["text", "json", "junit", "sarif"];

    public static string Render(VetReport report, string format) => format switch
    {
        "text" => VetTextReporter.Render(report),
        "json" => VetJsonReporter.Render(report),
        "junit" => VetJUnitReporter.Render(report),
        "sarif" => VetSarifReporter.Render(report),
        _ => throw new ArgumentException($"unknown vet format '{format}' (use {string.Join(", ", Formats)})", nameof(format)),
    };
}
