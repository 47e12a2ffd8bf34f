using System.Reflection;
using NetDoctor.Engine;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Types;
using NRules.RuleModel;

namespace NetDoctor.Packs.Loading.CSharp;

/// <summary>A pack's C# half once resolved: its assembly, its rule definitions and the derived fact types it defines.</summary>
internal sealed record CSharpHalf(Assembly Assembly, IReadOnlyList<IRuleDefinition> Rules, IReadOnlyList<Type> DerivedTypes, IReadOnlyList<Type> Helpers);

/// <summary>
/// Turns `csharp: { project: ... }` of a pack.yaml into loaded rules. A built-in pack's C# is the program's own assembly
/// named like the project (no SDK needed at run time); any other pack's project is built (cached) and loaded in a
/// context of its own, and only when the user trusts C# packs: without that the load fails with an error saying why
/// and how, never silently without the rules.
/// </summary>
internal static class CSharpPackResolver
{
    public static CSharpHalf? Resolve(PackFolder folder, PackDocument manifest, CSharpPackOptions options, List<PackDiagnostic> diagnostics)
    {
        var declaration = manifest.CSharp!;
        string assemblyName = Path.GetFileNameWithoutExtension(declaration.Project);
        Assembly? assembly;
        if (IsBuiltIn(folder, options) && Shipped(assemblyName) is { } shipped)
        {
            assembly = shipped;
        }
        else if (!options.Trusted)
        {
            Error(diagnostics, DiagnosticCodes.CSharpUntrusted, declaration.Mark,
                $"pack '{manifest.Name}' has C# rules ({declaration.Project}); C# rules are full-trust code that runs with your permissions, " +
                "unlike sandboxed YAML rules, so NetDoctor builds and loads a C# pack that is not built in only when told to: " +
                "review the project, then run again with --trust-csharp");
            return null;
        }
        else
        {
            string project = Path.GetFullPath(Path.Combine(folder.Directory, declaration.Project));
            if (!File.Exists(project))
            {
                Error(diagnostics, DiagnosticCodes.CSharp, declaration.Mark, $"C# project '{declaration.Project}' does not exist in the pack folder");
                return null;
            }
            var (path, errors) = CSharpPackCache.Build(project, manifest.Name, options.CacheDirectory ?? CSharpPackCache.DefaultDirectory);
            foreach (string error in errors)
                Error(diagnostics, DiagnosticCodes.CSharp, declaration.Mark, $"C# build of {declaration.Project} failed: {error}");
            if (path is null) return null;
            assembly = new PackLoadContext(Path.GetDirectoryName(path)!).LoadFromAssemblyPath(path);
        }

        IReadOnlyList<IRuleDefinition> rules;
        IReadOnlyList<Type> derived;
        IReadOnlyList<Type> helpers;
        try
        {
            rules = (options.Rules ?? CSharpPackOptions.RulesWithoutServices)(assembly);
            derived = FactTypeCatalog.DerivedTypesIn(assembly).ToList();
            helpers = assembly.GetExportedTypes().Where(t => t is { IsAbstract: true, IsSealed: true } && t.IsDefined(typeof(RuleHelperAttribute), false)).ToList();
        }
        catch (Exception ex) when (ex is ReflectionTypeLoadException or TypeLoadException or FileNotFoundException or InvalidOperationException or ArgumentException)
        {
            Error(diagnostics, DiagnosticCodes.CSharp, declaration.Mark, $"cannot load the rules of {assembly.GetName().Name}: {ex.Message}");
            return null;
        }
        foreach (var rule in rules.Where(r => r.Pack() != manifest.Name))
            Error(diagnostics, DiagnosticCodes.IdPrefix, declaration.Mark, $"C# rule id '{rule.Name}' must start with the pack name: '{manifest.Name}/...'");
        return new CSharpHalf(assembly, rules.Where(r => r.Pack() == manifest.Name).ToList(), derived, helpers);
    }

    private static bool IsBuiltIn(PackFolder folder, CSharpPackOptions options) =>
        options.BuiltInDirectories.Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d)))
            .Any(d => Path.GetFullPath(folder.Directory) is var f && (f == d || f.StartsWith(d + Path.DirectorySeparatorChar, StringComparison.Ordinal)));

    /// <summary>The program's own assembly of that name (already loaded, or beside the program), if it has one.</summary>
    private static Assembly? Shipped(string name)
    {
        if (AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name) is { } loaded) return loaded;
        return File.Exists(Path.Combine(AppContext.BaseDirectory, name + ".dll")) ? Assembly.Load(new AssemblyName(name)) : null;
    }

    private static void Error(List<PackDiagnostic> diagnostics, string code, SourceMark mark, string message) =>
        diagnostics.Add(new PackDiagnostic(DiagnosticSeverity.Error, code, mark, message));
}
