using System.Reflection;
using System.Text.Json;
using NetDoctor.Facts;

namespace NetDoctor.Packs.Types.Reference;

/// <summary>
/// NetDoctor's one naming rule for fact fields: a field is written as its C# name (PascalCase: <c>Destination</c>) in
/// expressions, templates, tests and waivers; JSON output writes the camelCase of that name (<c>destination</c>); a
/// test's `given` accepts either spelling (names are matched ignoring case) and may set only the fields
/// <see cref="Settable"/> lists, never a computed one. `netdoctor types TYPE` shows both spellings of every field.
/// </summary>
public static class FieldNaming
{
    /// <summary>The JSON spelling of a field: the camelCase of its C# name (the same policy the JSON writers use).</summary>
    public static string JsonName(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>
    /// The fields of <paramref name="type"/> a test's `given` may set: writable (init included) properties and the
    /// parameters of its widest public constructor. A fact's Source is not: an inline fact's source is its line in the test
    /// file (a nested record such as ComponentSetting may still take one).
    /// </summary>
    public static IReadOnlySet<string> Settable(Type type)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (property.CanWrite && property.SetMethod?.IsPublic == true && property.GetIndexParameters().Length == 0) names.Add(property.Name);
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        foreach (var parameter in ctor?.GetParameters() ?? []) names.Add(parameter.Name!);
        if (typeof(Fact).IsAssignableFrom(type)) names.Remove(nameof(Fact.Source));
        return names;
    }

    /// <summary>Every public field of <paramref name="type"/> an expression can read, in the canonical C# spelling.</summary>
    public static IEnumerable<PropertyInfo> Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0);

    /// <summary>The field a name means, matched the way `given` matches it (ignoring case); null when there is none.</summary>
    public static string? Canonical(Type type, string name) =>
        Readable(type).Select(p => p.Name).FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
}
