using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace NetDoctor.Benchmarks.Parsing;

/// <summary>
/// A short in-process job (2 warm-ups, 5 measured iterations) with allocation figures: big inputs, few repetitions.
/// In-process because generating and building a separate benchmark project takes minutes on a busy 2-core machine.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ParsingJobAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty()
        .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance).WithId("short-inprocess"))
        .AddDiagnoser(MemoryDiagnoser.Default);
}
