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
        var rules = BuiltInPacks.Load().RuleDefinitions.GroupBy(r => r.Name, StringComparer.Ordinal).Select(g => g.First()).ToList();
        Console.WriteLine($"{bundle.Directory}: {facts.Count:N0} facts, {rules.Count} rules");
        Console.WriteLine($"{"runtime",-8} {"inserted",12} {"per fact",10} {"fired",12} {"per fact",10}");
        foreach (var engine in new[] { EngineKind.Indexed, EngineKind.NRules })
        {
            ISessionFactory factory;
            try
            {
                factory = RuleRuntimes.Compile(engine, rules);
            }
            catch (NotSupportedException ex)
            {
                Console.WriteLine($"{engine,-8} not measured: {ex.Message}");
                continue;
            }
            Measure(engine, factory, facts);
        }
    }

    private static void Measure(EngineKind engine, ISessionFactory factory, IReadOnlyList<object> facts)
    {
        var warmup = factory.CreateSession();
        warmup.InsertAll(facts);
        warmup.Fire(int.MaxValue);
        warmup = null;

        long before = GC.GetTotalMemory(forceFullCollection: true);
        var session = factory.CreateSession();
        session.InsertAll(facts);
        long inserted = GC.GetTotalMemory(forceFullCollection: true) - before;
        session.Fire(int.MaxValue);
        long fired = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(session);
        GC.KeepAlive(warmup);
        Console.WriteLine($"{engine,-8} {inserted / 1048576.0,9:F1} MB {inserted / (double)facts.Count,8:F0} B {fired / 1048576.0,9:F1} MB {fired / (double)facts.Count,8:F0} B");
    }
}
