using System.Reflection;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Packs.Expressions.Functions;
using NetDoctor.Packs.Loading;

namespace NetDoctor.Packs.Types.Reference;

/// <summary>
/// Builds the fact reference (`netdoctor types`, docs/facts.md) from what the loaded packs really use: every type of
/// their catalog — the Facts assembly's raw facts, C# packs' derived classes, YAML `derivedFacts:` — with each field's
/// C# name, type, JSON name, and whether a test may set it. Nothing is listed by hand.
/// </summary>
public static class FactTypeDescriber
{
    public static IReadOnlyList<FactTypeEntry> Describe(LoadedPacks packs)
    {
        var declarations = packs.Packs
            .SelectMany(p => (p.Manifest?.DerivedFacts ?? []).Select(d => (Pack: p, Declaration: d)))
            .GroupBy(x => x.Declaration.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        return packs.Catalog.Types
            .Select(type => packs.DerivedTypes.TryGetValue(type.Name, out var info) && info.Type == type && declarations.TryGetValue(type.Name, out var declared)
                ? FromYaml(type, declared.Pack, declared.Declaration, $"{info.Mark.RelativeFile}:{info.Mark.Line}")
                : FromClr(type))
            .OrderBy(t => KindOrder(t.Kind)).ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The entry named <paramref name="name"/> (exact, then ignoring case); null when there is none.</summary>
    public static FactTypeEntry? Find(IReadOnlyList<FactTypeEntry> entries, string name) =>
        entries.FirstOrDefault(t => t.Name == name) ?? entries.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    private static int KindOrder(string kind) => kind switch { "raw" => 0, "derived" => 1, _ => 2 };

    private static FactTypeEntry FromClr(Type type)
    {
        string kind = typeof(DerivedFact).IsAssignableFrom(type) ? "derived" : type == typeof(Diagnosis) ? "diagnosis" : "raw";
        var settable = FieldNaming.Settable(type);
        var fields = Ordered(type)
            .Select(p => new FactFieldEntry(p.Name, TypeDisplay.Of(p), FieldNaming.JsonName(p.Name), settable.Contains(p.Name), TypeDisplay.IsNullable(p), XmlDocComments.Of(p)))
            .ToList();
        string? assembly = type.Assembly.GetName().Name;
        return new FactTypeEntry(type.Name, kind, XmlDocComments.Of(type), new DeclaredBy(null, assembly, null), fields);
    }

    /// <summary>A YAML-declared type: the fields as pack.yaml declares them (its type words), then the base's own.</summary>
    private static FactTypeEntry FromYaml(Type type, LoadedPack pack, Model.DerivedFactDeclaration declaration, string source)
    {
        var fields = declaration.Fields
            .Select(f => new FactFieldEntry(f.Name, f.TypeName.Trim(), FieldNaming.JsonName(f.Name), true, f.TypeName.Trim().EndsWith('?'), null))
            .Concat(BaseFields(typeof(DerivedFact)))
            .ToList();
        return new FactTypeEntry(type.Name, "derived", declaration.Description?.Trim(), new DeclaredBy(pack.Name, null, source), fields);
    }

    private static IEnumerable<FactFieldEntry> BaseFields(Type type)
    {
        var settable = FieldNaming.Settable(type);
        return Ordered(type).Where(p => p.DeclaringType == type)
            .Select(p => new FactFieldEntry(p.Name, TypeDisplay.Of(p), FieldNaming.JsonName(p.Name), settable.Contains(p.Name), TypeDisplay.IsNullable(p), XmlDocComments.Of(p)));
    }

    /// <summary>A type's own fields in source order, then those of its base types (Source, Node, Summary last).</summary>
    private static IEnumerable<PropertyInfo> Ordered(Type type) =>
        FieldNaming.Readable(type)
            .OrderBy(p => Depth(Introducer(p))).ThenBy(p => Introducer(p).GetProperty(p.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)?.MetadataToken ?? p.MetadataToken)
            .DistinctBy(p => p.Name);

    /// <summary>The type that first declared the property (an override of Fact.Summary belongs to Fact).</summary>
    private static Type Introducer(PropertyInfo p) => p.GetMethod?.GetBaseDefinition().DeclaringType ?? p.DeclaringType!;

    private static int Depth(Type declaring)
    {
        int depth = 0;
        for (var t = declaring.BaseType; t is not null; t = t.BaseType) depth++;
        return -depth;
    }
}
