using System.Runtime.CompilerServices;
using NetDoctor.Benchmarks.Generators;
using NetDoctor.Benchmarks.Packs;
using NetDoctor.Collectors.Bundles;
using NetDoctor.Facts;
using NetDoctor.Packs.Running;

namespace NetDoctor.Benchmarks.Memory;

/// <summary>
/// How much managed heap the raw facts of a read keep, per fact and per fact type (issue 12's "≤ 300 bytes per raw
/// fact"). The scale bundle of NODES nodes (or the bundle at DIR) is read as `netdoctor run` reads it — with the demand of
/// the built-in packs' rules — and <c>GC.GetTotalMemory(true)</c> is taken before the read and after it with only the
/// list of kept facts alive (the read's problems and file list dropped). Per type: the bytes that go when that type's
/// facts are dropped too, i.e. what those facts alone keep (a string another type shares is not counted, so the types
/// add up to at most the total). No engine session: what the rules' network adds per fact is `--memory`'s report.
/// Usage: <c>dotnet NetDoctor.Benchmarks.dll --fact-bytes NODES|DIR</c>.
/// </summary>
internal static class FactBytesReport
{
    public static void Run(string nodesOrDirectory)
    {
        string directory = nodesOrDirectory;
        bool generated = int.TryParse(nodesOrDirectory, out int nodes);
        if (generated)
        {
            directory = Path.Combine(Path.GetTempPath(), $"netdoctor-fact-bytes-{Environment.ProcessId}");
            ClusterBundleGenerator.WriteScale(directory, nodes);
        }
        try
        {
            var demand = RuleFactDemand.Of(BuiltInPacks.Load().RuleDefinitions);
            // A first read so the parsers' JIT data, regexes and caches are not counted as facts.
            ReadAndDrop(directory, demand);
            long before = GC.GetTotalMemory(forceFullCollection: true);
            var facts = ReadFacts(directory, demand);
            long total = GC.GetTotalMemory(forceFullCollection: true) - before;
            Console.WriteLine($"{directory}: {facts.Count:N0} facts kept, {total / 1048576.0:F1} MB retained, {total / (double)Math.Max(1, facts.Count):F0} B per fact");
            Console.WriteLine($"{"type",-24} {"facts",10} {"alone keep",12} {"per fact",10}");
            // Counts only: a grouping would hold every fact and nothing would go.
            foreach (var type in facts.CountBy(f => f.GetType()).OrderByDescending(c => c.Value).Select(c => c.Key).ToList())
            {
                long with = GC.GetTotalMemory(forceFullCollection: true);
                int count = facts.RemoveAll(f => f.GetType() == type);
                long alone = with - GC.GetTotalMemory(forceFullCollection: true);
                Console.WriteLine($"{type.Name,-24} {count,10:N0} {alone / 1048576.0,9:F1} MB {alone / (double)count,8:F0} B");
            }
            GC.KeepAlive(facts);
        }
        finally
        {
            if (generated)
            {
                Directory.Delete(directory, recursive: true);
                File.Delete(ClusterBundleGenerator.ExpectedPath(directory));
            }
        }
    }

    // The FactBase (problems, file list, inputs) goes out of scope here: only the facts are measured.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<Fact> ReadFacts(string directory, IFactDemand demand) =>
        [.. new BundleReader(new BundleReadOptions { Demand = demand }).ReadAll([directory]).Facts];

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReadAndDrop(string directory, IFactDemand demand) => ReadFacts(directory, demand);
}
