using NetDoctor.Packs.Compilation;
using NetDoctor.Packs.Expressions;
using NetDoctor.Packs.Expressions.Functions;
using NetDoctor.Packs.Loading.CSharp;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Schema;
using NetDoctor.Packs.Types;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Packs.Loading;

/// <summary>
/// Loads rule packs: reads every manifest first (derived fact types of all packs must exist before any rule is
/// type-checked, since a rule of one pack may match a type another declares), emits the derived types, then
/// schema-validates, reads and compiles every rule and reads every test. Never throws for bad pack content.
/// </summary>
public static class PackLoader
{
    /// <param name="directories">Pack folders, or folders containing pack folders (like rulepacks/).</param>
    /// <param name="catalog">Fact types rules may name; default: the Facts assembly's types.</param>
    public static LoadedPacks LoadAll(IEnumerable<string> directories, FactTypeCatalog? catalog = null) =>
        LoadAll(directories, new PackLoadOptions(catalog));

    public static LoadedPacks LoadAll(IEnumerable<string> directories, PackLoadOptions options)
    {
        var catalog = options.Catalog;
        var diagnostics = new List<PackDiagnostic>();
        var folders = new List<PackFolder>();
        foreach (string dir in directories)
        {
            var found = PackFolder.Discover(dir);
            if (found.Count == 0)
            {
                diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.Io, new SourceMark(dir, "", 0, 0),
                    Directory.Exists(dir) ? $"no {PackFolder.ManifestName} in '{dir}' or its subfolders" : $"pack folder '{dir}' does not exist"));
            }

            folders.AddRange(found.Select(f => PackFolder.Open(f == dir ? dir : Path.Combine(dir, Path.GetFileName(f)))));
        }

        // 1. Manifests.
        var manifests = folders.Select(f => ReadManifest(f, options, diagnostics)).ToList();
        Requirements.Check(manifests.OfType<PackDocument>().ToList(), diagnostics);

        // 2. C# halves (built in, or built and loaded when trusted): their derived fact types join the catalog, so YAML
        //    rules of any pack can match them.
        var csharp = new CSharpHalf?[folders.Count];
        if (options.CSharp is { } csharpOptions)
        {
            for (int i = 0; i < folders.Count; i++)
                if (manifests[i] is { CSharp: not null } manifest) csharp[i] = CSharpPackResolver.Resolve(folders[i], manifest, csharpOptions, diagnostics);
        }

        catalog ??= FactTypeCatalog.Default;
        for (int i = 0; i < folders.Count; i++)
        {
            foreach (var type in csharp[i]?.DerivedTypes ?? [])
            {
                if (catalog.TryResolve(type.Name, out var existing) && existing != type)
                    diagnostics.Add(Error(DiagnosticCodes.DerivedType, manifests[i]!.CSharp!.Mark, $"C# fact type '{type.Name}' has the name of an existing fact type ({existing.FullName})"));
                else catalog = catalog.With(type);
            }
        }

        // 3. Derived fact types of every pack, emitted as real types and added to the catalog.
        var (fullCatalog, derived) = DeclareDerivedTypes(folders, manifests, catalog, diagnostics);
        var functions = (options.Functions ?? HelperFunctions.BuiltIn)
            .With(Enumerable.Range(0, folders.Count).Where(i => csharp[i] is not null)
                .SelectMany(i => csharp[i]!.Helpers.SelectMany(t => HelperFunctions.FromClass(t, manifests[i]!.Name))));
        var sandbox = new ExpressionSandbox(fullCatalog, functions: functions);

        // 4. Rules: read in order, compiled together on several threads (PendingRules keeps the sequential order of
        //    rules and problems), then each pack's tests.
        var pending = folders.Select((f, i) => ReadRules(f, manifests[i], options)).ToList();
        PendingRules.CompileAll(pending, sandbox, derived, options.MaxParallelism);
        var packs = new List<LoadedPack>();
        for (int i = 0; i < folders.Count; i++)
        {
            var rules = pending[i].Drain(diagnostics);
            var pack = LoadPack(folders[i], manifests[i], rules, derived, options, diagnostics);
            packs.Add(csharp[i] is { } half
                ? pack with { CSharpRules = half.Rules, CSharpAssembly = half.Assembly, DerivedFactTypes = [.. pack.DerivedFactTypes, .. half.DerivedTypes] }
                : pack);
        }

        Lint.CheckIds(packs, diagnostics);
        return new LoadedPacks(packs, fullCatalog, sandbox, derived, diagnostics).WithExtraRules(packs.SelectMany(p => p.CSharpRules));
    }

    public static LoadedPacks Load(string directory, FactTypeCatalog? catalog = null) => LoadAll([directory], catalog);

    private static PackDocument? ReadManifest(PackFolder folder, PackLoadOptions options, List<PackDiagnostic> diagnostics)
    {
        var file = ReadFile(folder, folder.ManifestPath, diagnostics);
        if (file is null) return null;
        var docs = YamlDocuments.Parse(file, diagnostics);
        if (docs.Count != 1)
        {
            if (docs.Count > 1) diagnostics.Add(Error(DiagnosticCodes.Schema, file.At(docs[1].RootNode), "pack.yaml must hold exactly one document"));
            return null;
        }
        var root = docs[0].RootNode;
        var schema = new SchemaCheck(file, DocumentKind.RulePack, options);
        if (!schema.Conforms(root, diagnostics)) return null;
        schema.Done();
        return Guarded(file, root, DocumentKind.RulePack, diagnostics, () => new DocumentReader(file, diagnostics).ReadPack((YamlMappingNode)root));
    }

    private static (FactTypeCatalog, Dictionary<string, DerivedTypeInfo>) DeclareDerivedTypes(
        List<PackFolder> folders, List<PackDocument?> manifests, FactTypeCatalog catalog, List<PackDiagnostic> diagnostics)
    {
        var emitter = new DerivedTypeEmitter();
        var derived = new Dictionary<string, DerivedTypeInfo>(StringComparer.Ordinal);
        var fieldTypeCatalog = catalog;
        for (int i = 0; i < folders.Count; i++)
        {
            if (manifests[i] is not { } manifest) continue;
            foreach (var declaration in manifest.DerivedFacts)
            {
                if (catalog.TryResolve(declaration.Name, out var existing))
                {
                    diagnostics.Add(Error(DiagnosticCodes.DerivedType, declaration.Mark,
                        $"derived fact type '{declaration.Name}' has the name of an existing fact type ({existing.FullName})"));
                    continue;
                }
                if (derived.TryGetValue(declaration.Name, out var other))
                {
                    diagnostics.Add(Error(DiagnosticCodes.DerivedType, declaration.Mark,
                        $"derived fact type '{declaration.Name}' is already declared by pack '{other.Pack}' ({other.Mark})"));
                    continue;
                }
                var fields = new List<(string, Type)>();
                bool ok = true;
                foreach (var field in declaration.Fields)
                {
                    if (typeof(DerivedFact).GetProperty(field.Name) is not null)
                    {
                        diagnostics.Add(Error(DiagnosticCodes.DerivedType, field.Mark, $"field name '{field.Name}' is reserved (every derived fact has Pack, TypeName, Node, Fields, Summary)"));
                        ok = false;
                    }
                    else if (FieldTypes.TryResolve(field.TypeName, fieldTypeCatalog, out var type))
                    {
                        fields.Add((field.Name, type));
                    }
                    else
                    {
                        diagnostics.Add(Error(DiagnosticCodes.UnknownType, field.Mark, $"unknown field type '{field.TypeName}' for {declaration.Name}.{field.Name}"
                            + DidYouMean.Hint(field.TypeName, FieldTypes.ScalarNames.Concat(fieldTypeCatalog.Names))
                            + "; use string, int, long, bool, double, Cidr, IPAddress, a fact type, T? or T[]"));
                        ok = false;
                    }
                }
                if (!ok) continue;
                var emitted = emitter.Emit(manifest.Name, declaration.Name, fields);
                derived[declaration.Name] = new DerivedTypeInfo(manifest.Name, emitted, fields.Select(f => f.Item1).ToList(), declaration.Mark);
            }
        }
        return (catalog.With(derived.Values.Select(d => d.Type)), derived);
    }

    /// <summary>Reads and schema-checks a pack's rule files, queueing each rule document for compilation.</summary>
    private static PendingRules ReadRules(PackFolder folder, PackDocument? manifest, PackLoadOptions options)
    {
        var pending = new PendingRules(manifest?.Name ?? Path.GetFileName(folder.Directory));
        foreach (string path in folder.RuleFiles)
        {
            if (ReadFile(folder, path, pending.Diagnostics) is not { } file) continue;
            var schema = new SchemaCheck(file, DocumentKind.Rule, options);
            foreach (var doc in YamlDocuments.Parse(file, pending.Diagnostics))
            {
                if (!schema.Conforms(doc.RootNode, pending.Diagnostics)) continue;
                var reader = new DocumentReader(file, pending.Diagnostics);
                if (Guarded(file, doc.RootNode, DocumentKind.Rule, pending.Diagnostics, () => reader.ReadRule((YamlMappingNode)doc.RootNode)) is { } rule)
                    pending.Queue(rule);
            }
            schema.Done();
        }
        return pending;
    }

    private static LoadedPack LoadPack(PackFolder folder, PackDocument? manifest, List<CompiledRule> rules,
        IReadOnlyDictionary<string, DerivedTypeInfo> derived, PackLoadOptions options, List<PackDiagnostic> diagnostics)
    {
        string packName = manifest?.Name ?? Path.GetFileName(folder.Directory);
        var tests = new List<RuleTestDocument>();
        foreach (string path in options.LoadTests ? folder.TestFiles : [])
        {
            if (ReadFile(folder, path, diagnostics) is not { } file) continue;
            var reader = new DocumentReader(file, diagnostics);
            var schema = new SchemaCheck(file, DocumentKind.RuleTest, options);
            foreach (var doc in YamlDocuments.Parse(file, diagnostics))
            {
                if (!schema.Conforms(doc.RootNode, diagnostics)) continue;
                if (Guarded(file, doc.RootNode, DocumentKind.RuleTest, diagnostics, () => reader.ReadTest((YamlMappingNode)doc.RootNode, tests.Count + 1)) is { } test)
                    tests.Add(test);
            }
            schema.Done();
        }
        return new LoadedPack(folder.Directory, folder.DisplayDirectory, manifest, rules, tests, folder.RuleFiles, folder.TestFiles)
        {
            DerivedFactTypes = derived.Values.Where(d => d.Pack == packName).Select(d => d.Type).ToList(),
        };
    }

    /// <summary>
    /// The schema check of one file's documents: validation, unless it is off or the file's exact text passed it before
    /// (<see cref="PackLoadOptions.SchemaVerdicts"/>); then the minimum the readers rely on, a mapping of the right kind.
    /// <see cref="Done"/> records a file whose every document was validated and conformed.
    /// </summary>
    private sealed class SchemaCheck(PackFile file, DocumentKind kind, PackLoadOptions options)
    {
        private readonly bool _validate = options.ValidateSchema && options.SchemaVerdicts?.IsKnownValid(file, kind) != true;
        private int _validated;
        private bool _failed;

        public bool Conforms(YamlNode root, List<PackDiagnostic> diagnostics)
        {
            bool conforms = PackLoader.Conforms(file, root, kind, _validate, diagnostics);
            _validated++;
            _failed |= !conforms;
            return conforms;
        }

        public void Done()
        {
            if (_validate && _validated > 0 && !_failed) options.SchemaVerdicts?.RecordValid(file, kind);
        }
    }

    private static bool Conforms(PackFile file, YamlNode root, DocumentKind kind, bool validate, List<PackDiagnostic> diagnostics)
    {
        if (validate) return SchemaValidator.Validate(file, root, kind, diagnostics);
        string? actual = (root as YamlMappingNode)?.String("kind");
        if (actual == kind.ToString()) return true;
        diagnostics.Add(Error(DiagnosticCodes.Schema, file.At(root), $"expected a document of kind {kind}, found {(actual is null ? "none" : $"'{actual}'")}"));
        return false;
    }

    /// <summary>
    /// Readers assume schema-valid shapes; without schema validation a malformed document surfaces here as a
    /// cast or null error, reported instead of thrown.
    /// </summary>
    private static T? Guarded<T>(PackFile file, YamlNode root, DocumentKind kind, List<PackDiagnostic> diagnostics, Func<T?> read) where T : class
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is NullReferenceException or InvalidCastException)
        {
            diagnostics.Add(Error(DiagnosticCodes.Schema, file.At(root),
                $"document does not match {DocumentKinds.SchemaFile(kind)}; run `netdoctor vet` on the pack for the exact problem"));
            return null;
        }
    }

    private static PackFile? ReadFile(PackFolder folder, string path, List<PackDiagnostic> diagnostics)
    {
        try
        {
            return folder.Read(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            string relative = Path.GetRelativePath(folder.Directory, path).Replace('\\', '/');
            diagnostics.Add(Error(DiagnosticCodes.Io, new SourceMark(folder.DisplayDirectory + "/" + relative, relative, 0, 0), $"cannot read: {ex.Message}"));
            return null;
        }
    }

    private static PackDiagnostic Error(string code, SourceMark mark, string message) => new(DiagnosticSeverity.Error, code, mark, message);
}
