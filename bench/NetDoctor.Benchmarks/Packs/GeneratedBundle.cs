using NetDoctor.Benchmarks.Generators;
using NetDoctor.Collectors.Bundles;

namespace NetDoctor.Benchmarks.Packs;

/// <summary>
/// A generated bundle and its facts, read the way the CLI reads bundles (BundleReader over a directory). The bundle is
/// written to a fresh temp directory of this process and deleted once read, so a changed generator never benchmarks a
/// stale bundle and benchmarks running side by side (other worktrees) never read each other's.
/// </summary>
internal sealed record GeneratedBundle(string Name, IReadOnlyList<string> Nodes, FactBase Facts, PlantedFault? Fault)
{
    public static GeneratedBundle Create(ClusterShape shape, bool plantFault)
    {
        var fault = plantFault ? ClusterBundleGenerator.ProfileDropAll(shape) : null;
        var name = $"{(fault is null ? "healthy" : "profile-drop-all")}-{shape.Nodes}n-{shape.Namespaces}ns";
        var root = Path.Combine(Path.GetTempPath(), $"netdoctor-bench-{Environment.ProcessId}");
        var directory = Path.Combine(root, name);
        try
        {
            var nodes = ClusterBundleGenerator.Write(directory, shape, fault);
            var facts = BundleReader.Read([directory]);
            // The generator must write what the readers accept: a problem means a file the benchmark does not really exercise.
            if (facts.Problems.Count > 0)
            {
                throw new InvalidOperationException($"generated bundle {name} has {facts.Problems.Count} problem(s), e.g. "
                    + string.Join("; ", facts.Problems.Take(5).Select(p => $"{p.Source}: {p.Message}")));
            }
            return new GeneratedBundle(name, nodes, facts, fault);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
