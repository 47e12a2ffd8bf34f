using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace NetDoctor.Benchmarks.Packs;

/// <summary>
/// The pack benchmarks' job: in-process like the others, 1 warm-up and 3 measured iterations, and a 30-minute run
/// timeout instead of the in-process toolchain's 5 minutes. NRules needs 10-70 s per operation on the namespace-heavy
/// bundle (the latter on a loaded machine), and one case runs about six operations (jitting, warm-up, 3 iterations,
/// the memory diagnoser's extra one).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PacksJobAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty()
        .AddJob(Job.Default.WithWarmupCount(1).WithIterationCount(3)
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)).WithId("packs-inprocess"))
        .AddColumn(StatisticColumn.Median)
        .AddDiagnoser(MemoryDiagnoser.Default);
}
