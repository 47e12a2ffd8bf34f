namespace NetDoctor.Benchmarks.Scale;

/// <summary>One row of the scale table, in markdown.</summary>
internal sealed record ScaleRow(int Nodes, BundleSize Bundle, TimeSpan Generation, ChildRun Run, string Diagnoses)
{
    public const string Header =
        "| nodes | bundle | files | generated in | facts | wall | CPU | peak RSS | exit | diagnoses | load avg |\n" +
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|";

    public string ToMarkdown() =>
        $"| {Nodes:N0} | {Bundle.Bytes / 1e6:N0} MB | {Bundle.Files:N0} | {Generation.TotalSeconds:0.0} s | {(Run.Facts is { } f ? f.ToString("N0") : "—")} " +
        $"| {Run.Wall.TotalSeconds:0.00} s | {Run.CpuSeconds:0.00} s | {Run.PeakRssKb / 1e6:0.00} GB | {Run.ExitCode} | {Diagnoses} | {Run.LoadAverage} |";
}
