using System.Diagnostics;
using System.Globalization;

namespace NetDoctor.Benchmarks.Startup;

/// <summary>
/// One child process under `/usr/bin/time`: its wall time (a stopwatch around it), its own CPU time (user + system, as
/// GNU time reports it for the child alone) and the 1-minute load average when it started.
/// </summary>
internal sealed record TimedProcess(int ExitCode, TimeSpan Wall, double CpuSeconds, double LoadAverage)
{
    public static TimedProcess Run(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment)
    {
        var timeLog = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo("/usr/bin/time")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in new[] { "-f", "%U %S", "-o", timeLog }.Concat(command)) start.ArgumentList.Add(arg);
            foreach (var (name, value) in environment) start.Environment[name] = value;
            double load = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            clock.Stop();
            _ = stdout.Result + stderr.Result;
            // "Command exited with non-zero status 1" comes first when the exit code is not 0 (a run with findings).
            var times = File.ReadAllLines(timeLog).Last(l => l.Length > 0).Split(' ');
            double cpu = double.Parse(times[0], CultureInfo.InvariantCulture) + double.Parse(times[1], CultureInfo.InvariantCulture);
            return new TimedProcess(process.ExitCode, clock.Elapsed, cpu, load);
        }
        finally
        {
            File.Delete(timeLog);
        }
    }
}
