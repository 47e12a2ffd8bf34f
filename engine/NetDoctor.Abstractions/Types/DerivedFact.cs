using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;

namespace NetDoctor.Packs.Types;

/// <summary>
/// Base of every fact type a pack declares in pack.yaml (`derivedFacts:`). The concrete types are emitted at load time
/// with one public property per declared field, so rules match them with full type checking like any collected fact.
/// A derived fact has no file:line of its own: the engine's Derivation says which rule and which facts produced it.
/// Identity is by reference (the engine tracks facts by reference anyway).
/// </summary>
public abstract class DerivedFact
{
    protected DerivedFact(string pack, string typeName)
    {
        Pack = pack;
        TypeName = typeName;
    }

    // [Description] rather than XML comments: the fact reference (`netdoctor types`) shows these reserved members of
    // every derived type, and an XML <summary> would override the [Description] now that every project writes a
    // documentation file (GenerateDocumentationFile, for the code-style analyzers); so plain comments here.

    // The pack whose pack.yaml declares this type.
    [Description("The pack that declares this type.")]
    public string Pack { get; }

    [Description("The type's name, as rules write it in `fact:`.")]
    public string TypeName { get; }

    // The node of the first bound fact that has one (set by the derive action).
    [Description("The node of the first matched fact that has one (in a test: `node:`).")]
    public string? Node { get; set; }

    // The declared fields and their values, in declaration order.
    [Description("The declared fields and their values, in declaration order.")]
    public IReadOnlyList<KeyValuePair<string, object?>> Fields =>
        GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .OrderBy(p => p.MetadataToken)
            .Select(p => new KeyValuePair<string, object?>(p.Name, p.GetValue(this)))
            .ToList();

    // The fields, "Pool=… Address=…"; the type is shown beside it wherever facts are listed, so it is not repeated here.
    // Fields without a value are left out: "Interface=null" tells an operator nothing and reads like a bug.
    [Description("The fields with a value, \"Pool=… Address=…\", as evidence shows them.")]
    public string Summary => string.Join(" ", Fields.Where(f => f.Value is not null).Select(f => $"{f.Key}={Format(f.Value)}"));

    public override string ToString() => $"{TypeName} {Summary}";

    internal static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        NetDoctor.Facts.Fact f => f.Summary,
        DerivedFact d => d.TypeName,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Format)) + "]",
        _ => value.ToString() ?? "",
    };
}
