using System.Globalization;
using NetDoctor.Benchmarks.Scale;

namespace NetDoctor.Benchmarks.Startup;

/// <summary>
/// `--startup [--runs N] [--compare DLL]`: the start-up of the published CLI, process by process (issue 12: `run` on a
/// ~1k-fact sample under 0.5 s wall). Each case is started N times (default 15) after one untimed warm-up (the OS file
/// cache); the cases take turns run by run, so a change in the machine's load falls on all of them alike. Prints one
/// markdown row per case: median and minimum wall, median CPU (user + system of the child), and the load average range.
/// The cases: `./netdoctor run --bundle samples/healthy-calico-ipip` through the launcher (its staleness check
/// included), the same with `dotnet artifacts/cli/netdoctor.dll` directly, and `--help`; `--compare DLL` adds the
/// same run with another build (e.g. main's artifacts/cli/netdoctor.dll) for a before/after in one sitting.
/// </summary>
internal static class StartupBenchmark
{
    private const string Sample = "samples/healthy-calico-ipip";

    public static void Run(int runs, string? compare)
    {
        string cli = CliUnderTest.Locate();
        string root = CliUnderTest.RepoRoot();
        var none = new Dictionary<string, string>();
        var cases = new List<(string Name, string[] Command)>
        {
            ("./netdoctor run (launcher)", [Path.Combine(root, "netdoctor"), "run", "--bundle", Path.Combine(root, Sample)]),
            ("dotnet netdoctor.dll run", ["dotnet", cli, "run", "--bundle", Path.Combine(root, Sample)]),
            ("dotnet netdoctor.dll --help", ["dotnet", cli, "--help"]),
        };
        if (compare is not null) cases.Add(($"dotnet {compare} run", ["dotnet", compare, "run", "--bundle", Path.Combine(root, Sample)]));

        foreach (var (_, command) in cases) TimedProcess.Run(command, none);
        var results = cases.Select(_ => new List<TimedProcess>()).ToList();
        for (int run = 0; run < runs; run++)
        {
            for (int i = 0; i < cases.Count; i++) results[i].Add(TimedProcess.Run(cases[i].Command, none));
        }

        Console.WriteLine($"{Sample}, {runs} runs per case, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
        Console.WriteLine("| case | exit | median wall | min wall | median CPU | load avg |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (int i = 0; i < cases.Count; i++)
        {
            var r = results[i];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {cases[i].Name} | {string.Join(",", r.Select(x => x.ExitCode).Distinct())} | {Median(r.Select(x => x.Wall.TotalSeconds)):0.000} s | " +
                $"{r.Min(x => x.Wall.TotalSeconds):0.000} s | {Median(r.Select(x => x.CpuSeconds)):0.00} s | {r.Min(x => x.LoadAverage):0.0}–{r.Max(x => x.LoadAverage):0.0} |"));
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
