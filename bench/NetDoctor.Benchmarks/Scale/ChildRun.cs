using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace NetDoctor.Benchmarks.Scale;

/// <summary>
/// One `netdoctor run --bundle DIR --format json` as a child process under `/usr/bin/time -v`: GNU time's figures are
/// the child's own (user + system CPU, maximum RSS), which a parent polling /proc would sample and miss the peak of.
/// </summary>
internal sealed record ChildRun(int ExitCode, TimeSpan Wall, double CpuSeconds, long PeakRssKb, int? Facts, JsonNode? Report, string Error, string LoadAverage)
{
    public static ChildRun Measure(string cliDll, string bundle, double heapLimitGb)
    {
        var timeLog = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo("/usr/bin/time")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[] { "-v", "-o", timeLog, "dotnet", cliDll, "run", "--bundle", bundle, "--format", "json" }) start.ArgumentList.Add(arg);
            start.Environment["DOTNET_GCHeapHardLimit"] = ((long)(heapLimitGb * (1L << 30))).ToString("X", CultureInfo.InvariantCulture);
            string load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            clock.Stop();
            var time = File.ReadAllLines(timeLog);
            var report = TryParse(stdout.Result);
            return new ChildRun(process.ExitCode, clock.Elapsed,
                Seconds(time, "User time (seconds)") + Seconds(time, "System time (seconds)"),
                (long)Seconds(time, "Maximum resident set size (kbytes)"),
                (int?)report?["stats"]?["facts"], report, stderr.Result.Trim(), load);
        }
        finally
        {
            File.Delete(timeLog);
        }
    }

    private static double Seconds(string[] lines, string label) =>
        lines.Select(l => l.Trim()).Where(l => l.StartsWith(label + ":", StringComparison.Ordinal))
            .Select(l => double.Parse(l[(label.Length + 1)..].Trim(), CultureInfo.InvariantCulture)).FirstOrDefault();

    private static JsonNode? TryParse(string json)
    {
        try { return JsonNode.Parse(json); }
        catch (System.Text.Json.JsonException) { return null; }
    }
}
