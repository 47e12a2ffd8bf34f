using BenchmarkDotNet.Running;
using NetDoctor.Benchmarks;

// Every benchmark class in this assembly; pick with --filter (e.g. --filter '*Engine*').
// "--cpu PATTERN" runs the same benchmarks reporting CPU time per operation (see CpuTimeRunner).
if (args is ["--cpu", .. var rest])
{
    CpuTimeRunner.Run(rest.FirstOrDefault() ?? "*");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
