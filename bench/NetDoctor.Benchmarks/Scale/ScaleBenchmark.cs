using System.Diagnostics;
using NetDoctor.Benchmarks.Generators;

namespace NetDoctor.Benchmarks.Scale;

/// <summary>
/// `--scale 10 100 1000`: for each node count, writes issue 12's scale bundle (<see cref="ClusterBundleGenerator.WriteScale"/>)
/// to a temp directory of this process, runs `netdoctor run --bundle DIR --format json` on it as a child process under
/// /usr/bin/time -v (wall, CPU, peak RSS of the child alone), checks the diagnoses against expected.json, deletes the
/// bundle and prints one markdown row. Sizes run one after the other, each after the bundle settled (<see cref="Settle"/>),
/// so each child has the machine (as far as other sessions allow: the load average is printed with every row).
/// </summary>
internal static class ScaleBenchmark
{
    /// <summary>
    /// Lets the bundle just written settle before the timed run: the kernel writing back 139 MB of dirty pages, and this
    /// process collecting the generator's garbage, took a core from the child (the 10-node run measured 0.81–0.87 s
    /// right after generating, 0.52–0.68 s on its own).
    /// </summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using (var sync = Process.Start("sync")) sync.WaitForExit();
        Thread.Sleep(TimeSpan.FromSeconds(1));
    }

    public static void Run(IReadOnlyList<int> sizes, double heapLimitGb)
    {
        var cli = CliUnderTest.Locate();
        Console.WriteLine($"netdoctor: {cli}; child GC heap hard limit {heapLimitGb:0.#} GB (DOTNET_GCHeapHardLimit), so an input too big ends in the child, not in the kernel's OOM killer");
        Console.WriteLine(ScaleRow.Header);
        var root = Path.Combine(Path.GetTempPath(), $"netdoctor-scale-{Environment.ProcessId}");
        try
        {
            foreach (int nodes in sizes)
            {
                var directory = Path.Combine(root, $"scale-{nodes}n");
                var generation = Stopwatch.StartNew();
                var expected = ClusterBundleGenerator.WriteScale(directory, nodes);
                generation.Stop();
                var bundle = BundleSize.Of(directory);
                Settle();
                var run = ChildRun.Measure(cli, directory, heapLimitGb);
                Console.WriteLine(new ScaleRow(nodes, bundle, generation.Elapsed, run, DiagnosisMatch.Check(expected, run)).ToMarkdown());
                Directory.Delete(directory, recursive: true);
            }
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
