using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace NetDoctor.Benchmarks.Engine;

/// <summary>
/// A short job (2 warm-ups, 7 measured iterations by default) run in-process: on the shared 2-core machine
/// BenchmarkDotNet's separate boilerplate build alone can exceed its 2-minute timeout, and the whole engine suite should
/// take minutes. Shapes where NRules needs seconds per operation (the 10k x 10k join) ask for fewer iterations: the
/// indexed side still runs many operations per iteration, and NRules' side would otherwise take most of the suite's time.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EngineJobAttribute(int warmups = 2, int iterations = 7) : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty()
        .AddJob(Job.Default.WithWarmupCount(warmups).WithIterationCount(iterations).WithToolchain(InProcessEmitToolchain.Instance).WithId("short-inprocess"))
        .AddColumn(StatisticColumn.Median)
        .AddDiagnoser(MemoryDiagnoser.Default);
}
