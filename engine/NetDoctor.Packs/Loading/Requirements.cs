using NetDoctor.Packs.Model;

namespace NetDoctor.Packs.Loading;

/// <summary>
/// Checks every pack's `requires:` against the packs loaded with it: the required pack must be there, in a version the
/// range accepts, and no chain of requirements may lead back to where it started. Each problem is an error at the
/// requirement's line in pack.yaml.
/// </summary>
internal static class Requirements
{
    public static void Check(IReadOnlyList<PackDocument> manifests, List<PackDiagnostic> diagnostics)
    {
        var byName = new Dictionary<string, PackDocument>(StringComparer.Ordinal);
        foreach (var manifest in manifests) byName.TryAdd(manifest.Name, manifest);

        foreach (var manifest in manifests)
        {
            foreach (var requirement in manifest.Requires)
            {
                if (requirement.Name == manifest.Name)
                {
                    Error(diagnostics, requirement.Mark, $"pack '{manifest.Name}' requires itself");
                    continue;
                }
                if (!byName.TryGetValue(requirement.Name, out var required))
                {
                    Error(diagnostics, requirement.Mark, $"pack '{manifest.Name}' requires pack '{requirement.Name}', which is not loaded"
                        + DidYouMean.Hint(requirement.Name, byName.Keys) + " (give its folder with --packs DIR)");
                    continue;
                }
                if (!VersionRange.TryParse(requirement.Versions, out var range))
                {
                    Error(diagnostics, requirement.Mark, $"version range '{requirement.Versions}' of required pack '{requirement.Name}' is not valid: use e.g. '^1.0', '~1.2.0', '>=1.0.0 <2.0.0' or '*'");
                    continue;
                }
                if (!range.Includes(required.Version))
                    Error(diagnostics, requirement.Mark, $"pack '{manifest.Name}' requires {requirement.Name} {range}, but {requirement.Name} {required.Version} is loaded ({required.Mark.File})");
            }
        }

        foreach (var cycle in Cycles(manifests, byName))
            Error(diagnostics, cycle.Mark, $"requirement cycle: {string.Join(" -> ", cycle.Path)}: packs cannot require each other");
    }

    /// <summary>Each cycle once, reported at the requirement that closes it (in load order).</summary>
    private static IEnumerable<(SourceMark Mark, IReadOnlyList<string> Path)> Cycles(IReadOnlyList<PackDocument> manifests, Dictionary<string, PackDocument> byName)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<(SourceMark, IReadOnlyList<string>)>();
        var path = new List<string>();
        void Visit(PackDocument pack)
        {
            path.Add(pack.Name);
            foreach (var requirement in pack.Requires)
            {
                if (requirement.Name == pack.Name || !byName.TryGetValue(requirement.Name, out var next)) continue;
                int at = path.IndexOf(requirement.Name);
                if (at >= 0) found.Add((requirement.Mark, [.. path.Skip(at), requirement.Name]));
                else if (!done.Contains(next.Name)) Visit(next);
            }
            path.RemoveAt(path.Count - 1);
            done.Add(pack.Name);
        }
        foreach (var manifest in manifests)
            if (!done.Contains(manifest.Name)) Visit(manifest);
        return found;
    }

    private static void Error(List<PackDiagnostic> diagnostics, SourceMark mark, string message) =>
        diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.Requires, mark, message));
}
