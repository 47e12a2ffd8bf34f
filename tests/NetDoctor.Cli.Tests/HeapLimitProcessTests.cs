using System.Diagnostics;
using System.Text;

namespace NetDoctor.Cli.Tests;

/// <summary>
/// Issue 12, "an input too big for the memory available ends with a clear message — never a kernel OOM kill": the real
/// process under a 96 MiB heap limit (DOTNET_GCHeapHardLimit, as a container limit would set it) given 23 MB of distinct
/// routes (480,000 facts, several times what fits). It must stop reading with exit 2 and one line naming the input, how
/// much was read and the limit — not abort with "Out of memory" (exit 134), which it did about one run in six when
/// 128 MB of files could be parsed ahead of the heap check.
/// </summary>
public class HeapLimitProcessTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "netdoctor.dll");

    [Fact]
    public void A_bundle_too_big_for_the_heap_ends_with_exit_2_and_says_what_how_big_and_which_limit()
    {
        if (OperatingSystem.IsWindows()) return;
        var bundle = Path.Combine(Path.GetTempPath(), $"netdoctor-heap-{Environment.ProcessId}");
        try
        {
            WriteRoutes(bundle, nodes: 12, routesPerNode: 40_000);

            // Three runs: the failure this guards against was a race between parallel parses and the heap check.
            for (int run = 0; run < 3; run++)
            {
                var (code, err) = Run(bundle, heapLimitBytes: 96L << 20);

                code.ShouldBe(2, err);
                err.ShouldStartWith($"netdoctor: input {bundle} is too big for the memory available:");
                err.ShouldContain("read");
                err.ShouldContain("85 % of the 96 MiB this process may use");
                err.ShouldContain("Read fewer nodes at a time, or run where more memory is available.");
                err.ShouldNotContain("Out of memory");
            }
        }
        finally
        {
            if (Directory.Exists(bundle)) Directory.Delete(bundle, recursive: true);
        }
    }

    [Fact]
    public void A_small_run_under_a_tight_heap_limit_runs_without_its_no_gc_start()
    {
        // A small input starts without collections (SmallInputStart) only when the process may use four times that
        // budget: in a region under a 32 MiB heap limit the runtime crashed (exit 139).
        if (OperatingSystem.IsWindows()) return;
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "healthy-calico-ipip");
        Directory.Exists(sample).ShouldBeTrue(sample);

        for (int run = 0; run < 2; run++)
        {
            var (code, err) = Run(sample, heapLimitBytes: 32L << 20);

            code.ShouldBe(0, err);
        }
    }

    /// <summary>A route per line, different on every node (identical files would be parsed once).</summary>
    private static void WriteRoutes(string bundle, int nodes, int routesPerNode)
    {
        for (int n = 1; n <= nodes; n++)
        {
            var text = new StringBuilder();
            for (int i = 0; i < routesPerNode; i++) text.Append($"10.{n}.{i >> 8 & 255}.{i & 255}/32 via 10.0.0.{n} dev eth0 proto bird\n");
            Directory.CreateDirectory(Path.Combine(bundle, $"k8s{n:00}"));
            File.WriteAllText(Path.Combine(bundle, $"k8s{n:00}", "ip-route.txt"), text.ToString());
        }
    }

    private static (int Code, string Err) Run(string bundle, long heapLimitBytes)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", Dll, "run", "--bundle", bundle, "--format", "json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_GCHeapHardLimit"] = heapLimitBytes.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(120_000).ShouldBeTrue("netdoctor did not end");
        _ = output.Result;
        return (process.ExitCode, error.Result.Trim());
    }
}
