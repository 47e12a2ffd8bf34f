using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace NetDoctor.Benchmarks.Engine;

/// <summary>
/// A short job (2 warm-ups, 7 measured iterations) run in-process: on the shared 2-core machine BenchmarkDotNet's
/// separate boilerplate build alone can exceed its 2-minute timeout, and the whole engine suite should take minutes.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EngineJobAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty()
        .AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(7).WithToolchain(InProcessEmitToolchain.Instance).WithId("short-inprocess"))
        .AddColumn(StatisticColumn.Median)
        .AddDiagnoser(MemoryDiagnoser.Default);
}
