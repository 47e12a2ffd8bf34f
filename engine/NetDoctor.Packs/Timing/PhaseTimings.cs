using System.Diagnostics;

namespace NetDoctor.Packs.Timing;

/// <summary>
/// A start-up diagnostic, off unless NETDOCTOR_TIMINGS=1: wall and CPU time of each phase of a command (runtime start,
/// composition, pack loading, reading, compiling, running, reporting), printed to stderr at exit. Phases are marked in
/// order (<see cref="Mark"/>: the time since the previous mark); costs spread over a phase (YAML parsing, expression
/// parsing) are summed apart (<see cref="Measure"/>). It exists to find where a small run's half-second goes; when off,
/// a mark is one static bool test.
/// </summary>
public static class PhaseTimings
{
    private static readonly List<(string Phase, TimeSpan Wall, TimeSpan Cpu)> Phases = [];
    private static readonly Dictionary<string, (TimeSpan Wall, int Count)> Sums = new(StringComparer.Ordinal);
    private static long _lastWall;
    private static TimeSpan _lastCpu;

    /// <summary>True when NETDOCTOR_TIMINGS=1.</summary>
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("NETDOCTOR_TIMINGS") == "1";

    /// <summary>
    /// Starts the clock at the program's entry; the first phase is what came before it (the host and the runtime
    /// starting, read from the process's start time).
    /// </summary>
    public static void Start()
    {
        if (!Enabled) return;
        using var process = Process.GetCurrentProcess();
        var sinceStart = DateTime.Now - process.StartTime;
        var cpu = Environment.CpuUsage.TotalTime;
        lock (Phases) Phases.Add(("process start to Main", sinceStart, cpu));
        _lastWall = Stopwatch.GetTimestamp();
        _lastCpu = cpu;
    }

    /// <summary>Ends the phase <paramref name="phase"/>: the wall and process CPU time since the previous mark.</summary>
    public static void Mark(string phase)
    {
        if (!Enabled) return;
        long now = Stopwatch.GetTimestamp();
        var cpu = Environment.CpuUsage.TotalTime;
        lock (Phases)
        {
            Phases.Add((phase, Stopwatch.GetElapsedTime(_lastWall, now), cpu - _lastCpu));
            _lastWall = now;
            _lastCpu = cpu;
        }
    }

    /// <summary>Adds the wall time until the result is disposed to the sum named <paramref name="what"/>.</summary>
    public static Measurement Measure(string what) => new(Enabled ? what : null);

    /// <summary>Writes the phases and sums to <paramref name="error"/> (nothing when off).</summary>
    public static void Report(TextWriter error)
    {
        if (!Enabled) return;
        lock (Phases)
        {
            error.WriteLine("netdoctor timings (wall / CPU ms):");
            foreach (var (phase, wall, cpu) in Phases)
                error.WriteLine($"  {phase,-28} {wall.TotalMilliseconds,8:F1} {cpu.TotalMilliseconds,8:F1}");
            error.WriteLine($"  {"total",-28} {Phases.Sum(p => p.Wall.TotalMilliseconds),8:F1} {Environment.CpuUsage.TotalTime.TotalMilliseconds,8:F1}");
            foreach (var (what, (wall, count)) in Sums)
                error.WriteLine($"  within: {what,-20} {wall.TotalMilliseconds,8:F1} ms in {count} calls");
            // Allocation and the collector's pauses: on big inputs the GC, not the parsers, is most of the CPU.
            error.WriteLine($"  gc: {GC.GetTotalAllocatedBytes() / 1_048_576.0:F0} MiB allocated, collections gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1_048_576.0:F0} MiB");
            // Every assembly costs its load and type loading: which ones this command needed.
            var assemblies = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Order(StringComparer.Ordinal).ToList();
            error.WriteLine($"  assemblies loaded ({assemblies.Count}): {string.Join(", ", assemblies)}");
        }
    }

    /// <summary>One timed span of <see cref="Measure"/>; a no-op when timings are off.</summary>
    public readonly struct Measurement : IDisposable
    {
        private readonly string? _what;
        private readonly long _started;

        internal Measurement(string? what)
        {
            _what = what;
            _started = what is null ? 0 : Stopwatch.GetTimestamp();
        }

        public void Dispose()
        {
            if (_what is null) return;
            var elapsed = Stopwatch.GetElapsedTime(_started);
            lock (Phases)
            {
                var (wall, count) = Sums.GetValueOrDefault(_what);
                Sums[_what] = (wall + elapsed, count + 1);
            }
        }
    }
}
