using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Testing;

namespace NetDoctor.Packs.Vetting;

/// <summary>
/// vet = schema + type-check + lint (all done while loading) + every RuleTest + rule coverage. A rule without a
/// passing test where it fires and one where it does not is an error: untested rules are how diagnoses rot.
/// </summary>
public static class PackVetter
{
    public static VetReport Vet(string packDirectory, VetOptions? options = null) => Vet([packDirectory], options);

    public static VetReport Vet(IEnumerable<string> packDirectories, VetOptions? options = null)
    {
        options ??= new VetOptions();
        var targets = packDirectories.ToList();
        var loaded = PackLoader.LoadAll(targets.Concat(options.Dependencies ?? []), new PackLoadOptions(options.Catalog, CSharp: options.CSharp, Functions: options.Functions));
        if (options.ExtraRules is { Count: > 0 } extra) loaded = loaded.WithExtraRules(extra);
        var dependencyDirs = (options.Dependencies ?? []).SelectMany(PackFolder.Discover).Select(Path.GetFullPath).ToHashSet();
        var vetted = loaded.Packs.Where(p => !dependencyDirs.Contains(p.Directory)).ToList();

        var diagnostics = loaded.Diagnostics.Where(d => !InDependency(d, loaded.Packs.Where(p => dependencyDirs.Contains(p.Directory)))).ToList();
        var runner = new RuleTestRunner(loaded, options.Bundles ?? new NoBundleReader(), options.MaxFirings, options.Engine) { Filter = options.Run, Trace = options.Trace };
        var tests = vetted.SelectMany(runner.Run).ToList();

        // Every rule of the pack model needs tests, YAML and C# alike; only where a gap is reported differs (the rule's id
        // line, or the pack's `csharp:` entry).
        var rules = vetted.SelectMany(p => p.Model.Rules.Select(r => (r.Name, p.Rules.FirstOrDefault(c => c.Definition == r)?.Mark ?? CSharpMark(p))))
            .ToList();
        var coverage = CoverageReport.Compute(rules, tests);
        foreach (var gap in coverage.Rules.Where(r => !r.Covered && options.Run is null))
        {
            var missing = new List<string>();
            if (!gap.HasFiringTest) missing.Add("one where it fires");
            if (!gap.HasNonFiringTest) missing.Add("one where it does not");
            diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.Coverage, gap.Mark,
                $"rule '{gap.RuleId}' needs passing tests: {string.Join(" and ", missing)}"));
        }
        if (options.Run is { } filter && tests.Count == 0)
        {
            diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.TestInvalid, new SourceMark(string.Join(", ", targets), "", 0, 0),
                $"no test matches --run '{filter}' (a glob matched against the whole test name or rule id, or /regex/)"));
        }

        var infos = loaded.Infos.Where(i => vetted.Any(p => p.DisplayDirectory == i.Directory)).ToList();
        return new VetReport(infos, diagnostics, tests, coverage) { RunFilter = options.Run?.Pattern };
    }

    /// <summary>C# rules have no YAML position; point at the project pack.yaml names (else the conventional csharp/ folder).</summary>
    private static SourceMark CSharpMark(LoadedPack pack) =>
        pack.Manifest?.CSharp?.Mark ?? new SourceMark(pack.DisplayDirectory + "/csharp", "csharp", 0, 0);

    private static bool InDependency(PackDiagnostic diagnostic, IEnumerable<LoadedPack> dependencies) =>
        dependencies.Any(p => diagnostic.Mark.File.StartsWith(p.DisplayDirectory + "/", StringComparison.Ordinal));
}
