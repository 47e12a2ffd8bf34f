using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using NetDoctor.Cli.Pipeline;
using NRules.Fluent.Dsl;

namespace NetDoctor.Cli.Commands.Explain;

/// <summary>
/// Where a C# rule is written: its class (found by the rule id in its [Name]) and, when the program's portable PDB is
/// beside it, the file and line of its Define() method — mapped into the repository when run from a checkout.
/// </summary>
public static class CSharpRuleSource
{
    public static Type? FindClass(string ruleId, IEnumerable<Assembly> assemblies) =>
        assemblies.SelectMany(Types)
            .FirstOrDefault(t => typeof(Rule).IsAssignableFrom(t) && NameOf(t) == ruleId);

    /// <summary>The id in a rule class's [Name("...")] (the attribute keeps it internal, so read the attribute's argument).</summary>
    private static string? NameOf(Type type) =>
        type.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(NameAttribute))?.ConstructorArguments.FirstOrDefault().Value as string;

    /// <summary>The file and line of the class's Define(), or null without a readable PDB beside the program.</summary>
    public static SourceLocation? Locate(Type ruleClass)
    {
        var define = ruleClass.GetMethod(nameof(Rule.Define), BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
        // Beside the program, by assembly name: Assembly.Location is empty inside a single-file build.
        string pdb = Path.Combine(AppContext.BaseDirectory, ruleClass.Assembly.GetName().Name + ".pdb");
        if (define is null || !File.Exists(pdb)) return null;
        try
        {
            using var stream = File.OpenRead(pdb);
            using var provider = MetadataReaderProvider.FromPortablePdbStream(stream);
            var reader = provider.GetMetadataReader();
            var handle = MetadataTokens.MethodDefinitionHandle(define.MetadataToken);
            var point = reader.GetMethodDebugInformation(handle.ToDebugInformationHandle()).GetSequencePoints().FirstOrDefault(p => !p.IsHidden);
            if (point.Document.IsNil) return null;
            string file = reader.GetString(reader.GetDocument(point.Document).Name);
            return new SourceLocation(Display(file), point.StartLine);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A source path recorded at build time: shown relative to the working directory when it exists here.</summary>
    private static string Display(string recorded)
    {
        // A deterministic CI build records "/_/rulepacks/..." (the source root mapped away); put the checkout back.
        if (recorded.StartsWith("/_/", StringComparison.Ordinal) && Shipped.SourceTree is { } tree)
            recorded = Path.Combine(tree, recorded[3..]);
        return File.Exists(recorded) ? Shipped.Relative(recorded) : recorded;
    }

    private static IEnumerable<Type> Types(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
