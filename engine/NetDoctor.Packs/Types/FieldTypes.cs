using System.Diagnostics.CodeAnalysis;
using System.Net;
using NetDoctor.Facts;

namespace NetDoctor.Packs.Types;

/// <summary>
/// The field types a pack may declare for a derived fact: scalars, Cidr, IPAddress, fact types,
/// 'T?' for an optional value type, and 'T[]' / 'list&lt;T&gt;' for a list (an IReadOnlyList&lt;T&gt;).
/// </summary>
public static class FieldTypes
{
    private static readonly Dictionary<string, Type> Scalars = new(StringComparer.Ordinal)
    {
        ["string"] = typeof(string),
        ["int"] = typeof(int),
        ["long"] = typeof(long),
        ["bool"] = typeof(bool),
        ["double"] = typeof(double),
        ["Cidr"] = typeof(Cidr),
        ["IPAddress"] = typeof(IPAddress),
    };

    public static IEnumerable<string> ScalarNames => Scalars.Keys;

    public static bool TryResolve(string text, FactTypeCatalog catalog, [NotNullWhen(true)] out Type? type)
    {
        type = null;
        string name = text.Trim();
        bool list = false;
        if (name.StartsWith("list<", StringComparison.Ordinal) && name.EndsWith('>'))
        {
            list = true;
            name = name[5..^1].Trim();
        }
        else if (name.EndsWith("[]", StringComparison.Ordinal))
        {
            list = true;
            name = name[..^2].Trim();
        }
        bool optional = name.EndsWith('?');
        if (optional) name = name[..^1];

        if (!Scalars.TryGetValue(name, out var element) && !catalog.TryResolve(name, out element)) return false;
        if (optional && element.IsValueType) element = typeof(Nullable<>).MakeGenericType(element);
        type = list ? typeof(IReadOnlyList<>).MakeGenericType(element) : element;
        return true;
    }
}
