using BenchmarkDotNet.Running;
using NetDoctor.Benchmarks;
using NetDoctor.Benchmarks.Generators;
using NetDoctor.Benchmarks.Memory;
using NetDoctor.Benchmarks.Scale;
using NetDoctor.Benchmarks.Startup;

// Every benchmark class in this assembly; pick with --filter (e.g. --filter '*Engine*').
// "--cpu PATTERN" runs the same benchmarks reporting CPU time per operation (see CpuTimeRunner).
// "--memory [NODES NAMESPACES]" reports the managed heap a session of the built-in packs retains per fact (see RetainedMemoryReport).
// "--fact-bytes NODES|DIR" reports the managed heap the raw facts of a run's read keep, per fact and per type (see FactBytesReport).
// "--generate DIR [NODES NAMESPACES] [--fault]" writes a generated bundle, e.g. for `netdoctor run --bundle DIR`.
// "--generate-scale DIR NODES" writes issue 12's scale bundle (two planted faults) and DIR.expected.json beside it.
// "--scale [--heap-limit-gb G] N..." runs `netdoctor run` on the scale bundle of each size (see ScaleBenchmark).
// "--startup [--runs N] [--compare DLL]" times the published CLI's start-up, process by process (see StartupBenchmark).
switch (args)
{
    case ["--generate-scale", var directory, var nodes]:
        var expected = ClusterBundleGenerator.WriteScale(directory, int.Parse(nodes));
        Console.WriteLine($"{directory}: {nodes} nodes; expected diagnoses in {ClusterBundleGenerator.ExpectedPath(directory)}: "
            + string.Join("; ", expected.Select(e => $"{e.RuleId} on {e.Node}")));
        return;
    case ["--scale", "--heap-limit-gb", var limit, .. var sizes]:
        ScaleBenchmark.Run([.. sizes.Select(int.Parse)], double.Parse(limit, System.Globalization.CultureInfo.InvariantCulture));
        return;
    case ["--scale", .. var sizes]:
        ScaleBenchmark.Run([.. sizes.Select(int.Parse)], heapLimitGb: 4);
        return;
    case ["--startup", .. var rest]:
        StartupBenchmark.Run(Option(rest, "--runs") is { } runs ? int.Parse(runs) : 15, Option(rest, "--compare"));
        return;
    case ["--cpu", .. var rest]:
        CpuTimeRunner.Run(rest.FirstOrDefault() ?? "*");
        return;
    case ["--memory", .. var rest]:
        RetainedMemoryReport.Run(Shape(rest) ?? ClusterShape.NamespaceHeavy);
        return;
    case ["--fact-bytes", var nodesOrDirectory]:
        FactBytesReport.Run(nodesOrDirectory);
        return;
    case ["--generate", var directory, .. var rest]:
        var shape = Shape(rest.Where(a => a != "--fault").ToArray()) ?? ClusterShape.NamespaceHeavy;
        var fault = rest.Contains("--fault") ? ClusterBundleGenerator.ProfileDropAll(shape) : null;
        ClusterBundleGenerator.Write(directory, shape, fault);
        Console.WriteLine($"{directory}: {shape.Nodes} nodes, {shape.Namespaces} namespaces{(fault is null ? "" : ", profile " + fault.Profile + " missing")}");
        return;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return;
}

static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

static ClusterShape? Shape(string[] args) =>
    args is [var nodes, var namespaces] ? new ClusterShape(int.Parse(nodes), int.Parse(namespaces)) : null;
