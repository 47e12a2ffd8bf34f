using NetDoctor.Benchmarks.Generators;
using NetDoctor.Collectors.Bundles;

namespace NetDoctor.Benchmarks.Packs;

/// <summary>
/// A generated bundle on disk and its facts, read the way the CLI reads bundles (BundleReader over the directory).
/// Written under the temp directory on every setup, so a changed generator never benchmarks a stale bundle.
/// </summary>
internal sealed record GeneratedBundle(string Directory, IReadOnlyList<string> Nodes, FactBase Facts, PlantedFault? Fault)
{
    public static GeneratedBundle Create(ClusterShape shape, bool plantFault)
    {
        var fault = plantFault ? ClusterBundleGenerator.ProfileDropAll(shape) : null;
        var name = $"{(fault is null ? "healthy" : "profile-drop-all")}-{shape.Nodes}n-{shape.Namespaces}ns";
        var directory = Path.Combine(Path.GetTempPath(), "netdoctor-bench", name);
        if (System.IO.Directory.Exists(directory)) System.IO.Directory.Delete(directory, recursive: true);
        var nodes = ClusterBundleGenerator.Write(directory, shape, fault);
        var facts = BundleReader.Read([directory]);
        // The generator must write what the readers accept: a problem means a file the benchmark does not really exercise.
        if (facts.Problems.Count > 0)
        {
            throw new InvalidOperationException($"generated bundle {directory} has {facts.Problems.Count} problem(s), e.g. "
                + string.Join("; ", facts.Problems.Take(5).Select(p => $"{p.Source}: {p.Message}")));
        }
        return new GeneratedBundle(directory, nodes, facts, fault);
    }
}
