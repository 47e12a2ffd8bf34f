using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NetDoctor.Packs.Types.Reference;

/// <summary>
/// The `/// &lt;summary&gt;` of types and properties, read from the XML documentation file the compiler writes beside an
/// assembly (NetDoctor.Facts and the C# packs generate one), so the fact reference says what the code's own comments
/// say and cannot drift from them. An assembly without the file has no descriptions, not an error.
/// </summary>
public static partial class XmlDocComments
{
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyDictionary<string, string>> Files = new();

    public static string? Of(Type type) =>
        Summary(type.Assembly, "T:" + Id(type)) ?? type.GetCustomAttribute<DescriptionAttribute>()?.Description;

    /// <summary>The property's summary, else its [Description] (for assemblies that ship no XML documentation file).</summary>
    public static string? Of(PropertyInfo property) =>
        (property.DeclaringType is { } declaring ? Summary(declaring.Assembly, $"P:{Id(declaring)}.{property.Name}") : null)
        ?? property.GetCustomAttribute<DescriptionAttribute>()?.Description;

    private static string Id(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    private static string? Summary(Assembly assembly, string id) =>
        Files.GetOrAdd(assembly, Load).TryGetValue(id, out var text) ? text : null;

    private static IReadOnlyDictionary<string, string> Load(Assembly assembly)
    {
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        if (assembly.IsDynamic || string.IsNullOrEmpty(assembly.Location)) return summaries;
        string file = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(file)) return summaries;
        foreach (var member in XDocument.Load(file).Descendants("member"))
        {
            if (member.Attribute("name")?.Value is { } name && member.Element("summary") is { } summary)
                summaries[name] = Flatten(summary);
        }

        return summaries;
    }

    /// <summary>The summary as one line: &lt;see cref="T:X"/&gt; becomes X, &lt;c&gt;code&lt;/c&gt; its text, whitespace collapses.</summary>
    private static string Flatten(XElement summary)
    {
        foreach (var see in summary.Descendants().Where(e => e.Name == "see" || e.Name == "paramref" || e.Name == "typeparamref").ToList())
        {
            string? target = see.Attribute("cref")?.Value ?? see.Attribute("name")?.Value ?? see.Attribute("langword")?.Value;
            target = target?.Split('(')[0];
            see.ReplaceWith(target is null ? see.Value : target[(target.LastIndexOfAny([':', '.']) + 1)..]);
        }
        return Whitespace().Replace(summary.Value, " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
