using System.Runtime.CompilerServices;
using NetDoctor.Benchmarks.Generators;
using NetDoctor.Benchmarks.Packs;
using NetDoctor.Engine;

namespace NetDoctor.Benchmarks.Memory;

/// <summary>
/// How much managed heap a session of the built-in packs keeps per fact, on each runtime: the difference of
/// <c>GC.GetTotalMemory(true)</c> before the session is created and after the bundle's facts are inserted (no Fire),
/// then after Fire, the session kept alive. The facts themselves exist before and are not counted; a first session is
/// run and dropped beforehand so lazily built parts of the compiled network and JIT data are not counted either.
/// Usage: <c>dotnet run -c Release --project bench/NetDoctor.Benchmarks -- --memory [NODES NAMESPACES]</c>.
/// </summary>
internal static class RetainedMemoryReport
{
    public static void Run(ClusterShape shape)
    {
        var bundle = GeneratedBundle.Create(shape, plantFault: false);
        var facts = bundle.Facts.Facts;
        // The rules DiagnosisRunner compiles: the built-in packs' definitions, one per id.
        var rules = BuiltInPacks.Load().RuleDefinitions.GroupBy(r => r.Name, StringComparer.Ordinal).Select(g => g.First()).ToList();
        Console.WriteLine($"{bundle.Name}: {facts.Count:N0} facts, {rules.Count} rules");
        Console.WriteLine($"{"runtime",-8} {"inserted",12} {"per fact",10} {"fired",12} {"per fact",10}");
        foreach (var engine in new[] { EngineKind.Indexed, EngineKind.NRules })
        {
            Measure(engine, RuleRuntimes.Compile(engine, rules), facts);
        }
    }

    private static void Measure(EngineKind engine, ISessionFactory factory, IReadOnlyList<object> facts)
    {
        RunAndDrop(factory, facts);

        long before = GC.GetTotalMemory(forceFullCollection: true);
        var session = factory.CreateSession();
        session.InsertAll(facts);
        long inserted = GC.GetTotalMemory(forceFullCollection: true) - before;
        session.Fire(int.MaxValue);
        long fired = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(session);
        Console.WriteLine($"{engine,-8} {inserted / 1048576.0,9:F1} MB {inserted / (double)facts.Count,8:F0} B {fired / 1048576.0,9:F1} MB {fired / (double)facts.Count,8:F0} B");
    }

    // In a method of its own, so no local of the measuring method can keep this session reachable (tier-0 code keeps
    // locals alive to the end of the method): only what the measured session keeps counts.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunAndDrop(ISessionFactory factory, IReadOnlyList<object> facts)
    {
        var session = factory.CreateSession();
        session.InsertAll(facts);
        session.Fire(int.MaxValue);
    }
}
