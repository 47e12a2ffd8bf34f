using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using NetDoctor.Facts;
using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Types;
using NetDoctor.Packs.Types.Reference;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Packs.Testing;

/// <summary>
/// Builds a fact object from a test's inline `{type, node, fields}`: by type name from the catalog, setting properties
/// (init-only included) or positional constructor parameters by name. CIDRs and addresses are strings, enums are
/// names, lists are YAML sequences, nested records are mappings. Errors name the field and its position.
/// </summary>
public sealed class FactMaterializer(FactTypeCatalog catalog, PackFile file)
{
    public object Create(GivenFact given)
    {
        if (!catalog.TryResolve(given.Type, out var type))
            throw new MaterializeException(given.TypeMark, $"unknown fact type '{given.Type}'" + DidYouMean.Hint(given.Type, catalog.Names));
        var fact = Build(type, given.Fields, given.Mark);
        switch (fact)
        {
            case Fact f:
                // Inline facts point at the test file line that defines them, so evidence in a failing test is traceable.
                return f with { Source = new Source(file.RelativePath, given.Mark.Line), Node = given.Node ?? f.Node };
            case DerivedFact d:
                d.Node = given.Node;
                return d;
            default:
                return fact;
        }
    }

    private object Build(Type type, YamlMappingNode? fields, SourceMark mark)
    {
        var values = new Dictionary<string, (YamlNode Node, SourceMark Mark)>(StringComparer.OrdinalIgnoreCase);
        if (fields is not null)
        {
            foreach (var (key, value) in fields.Children)
                values[((YamlScalarNode)key).Value ?? ""] = (value, file.At(key));
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new MaterializeException(mark, $"{type.Name} cannot be created from a test (no public constructor)");
        var parameters = ctor.GetParameters();
        var settable = FieldNaming.Settable(type);
        foreach (var (name, (_, keyMark)) in values)
        {
            if (!settable.Contains(name))
                throw new MaterializeException(keyMark, NotSettable(type, name, settable));
        }

        var args = parameters.Select(p => values.TryGetValue(p.Name!, out var v)
            ? Convert(v.Node, p.ParameterType, v.Mark)
            : p.HasDefaultValue ? p.DefaultValue : Default(p.ParameterType)).ToArray();
        object instance = ctor.Invoke(args);

        foreach (var (name, (node, keyMark)) in values)
        {
            if (parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))) continue;
            var property = properties[name];
            property.SetValue(instance, Convert(node, property.PropertyType, keyMark));
        }
        if (typeof(Fact).IsAssignableFrom(type) && properties.TryGetValue(nameof(Fact.Source), out var source) && !values.ContainsKey("Source"))
            source.SetValue(instance, new Source(file.RelativePath, mark.Line));
        return instance;
    }

    /// <summary>
    /// Why a `given` field name is refused, in the naming rule's words: a computed field is named as such with the fields
    /// that can be set; an unknown one gets the closest settable name. Both point to the reference of the type.
    /// </summary>
    private static string NotSettable(Type type, string name, IReadOnlySet<string> settable)
    {
        var names = settable.Select(s => FieldNaming.Canonical(type, s) ?? s).Order(StringComparer.Ordinal).ToList();
        string reference = $"`netdoctor types {type.Name}` lists its fields";
        if (FieldNaming.Canonical(type, name) is { } computed)
        {
            return computed == nameof(Fact.Source) && typeof(Fact).IsAssignableFrom(type)
                ? $"{type.Name}.Source cannot be set in a test: an inline fact's source is its line in the test file"
                : $"{type.Name}.{computed} is computed from the other fields and cannot be set in a test; set {string.Join(", ", names)} ({reference})";
        }

        return $"{type.Name} has no field '{name}'" + DidYouMean.Hint(name, names)
            + $"; fields are written as their C# names, either case ({reference})";
    }

    private object? Convert(YamlNode node, Type target, SourceMark mark)
    {
        if (Nullable.GetUnderlyingType(target) is { } inner)
            return node is YamlScalarNode { Value: null or "" or "~" or "null" } ? null : Convert(node, inner, mark);
        if (node is YamlScalarNode scalar) return Scalar(scalar.Value ?? "", target, mark);
        if (node is YamlSequenceNode seq && ElementType(target) is { } element)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            foreach (var item in seq.Children) list.Add(Convert(item, element, file.At(item)));
            if (!target.IsArray) return list;
            var array = Array.CreateInstance(element, list.Count);
            list.CopyTo(array, 0);
            return array;
        }
        if (node is YamlMappingNode map)
        {
            if (DictionaryTypes(target) is { } kv)
            {
                var dict = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(kv.Key, kv.Value))!;
                foreach (var (k, v) in map.Children)
                    dict[Scalar(((YamlScalarNode)k).Value ?? "", kv.Key, file.At(k))!] = Convert(v, kv.Value, file.At(v));
                return dict;
            }
            if (!target.IsPrimitive && target != typeof(string)) return Build(target, map, mark);
        }
        throw new MaterializeException(mark, $"a {target.Name} cannot be written as a YAML {Describe(node)}");
    }

    private static object? Scalar(string text, Type target, SourceMark mark)
    {
        var invariant = CultureInfo.InvariantCulture;
        try
        {
            if (target == typeof(string) || target == typeof(object)) return text;
            if (target == typeof(bool)) return bool.Parse(text);
            if (target == typeof(int)) return int.Parse(text, invariant);
            if (target == typeof(long)) return long.Parse(text, invariant);
            if (target == typeof(double)) return double.Parse(text, invariant);
            if (target == typeof(decimal)) return decimal.Parse(text, invariant);
            if (target == typeof(Cidr)) return Cidr.Parse(text);
            if (target == typeof(IPAddress)) return IPAddress.Parse(text);
            if (target == typeof(TimeSpan)) return TimeSpan.Parse(text, invariant);
            if (target == typeof(DateTimeOffset)) return DateTimeOffset.Parse(text, invariant);
            if (target.IsEnum)
            {
                if (Enum.TryParse(target, text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var value) && Enum.IsDefined(target, value!)) return value;
                throw new MaterializeException(mark, $"'{text}' is not a {target.Name}: expected one of {string.Join(", ", Enum.GetNames(target))}");
            }
            if (ElementType(target) is { } element)
            {
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
                list.Add(Scalar(text, element, mark));
                return list;
            }
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new MaterializeException(mark, $"'{text}' is not a valid {target.Name}: {ex.Message}");
        }
        throw new MaterializeException(mark, $"a {target.Name} cannot be written as '{text}'");
    }

    private static Type? ElementType(Type target)
    {
        if (target.IsArray) return target.GetElementType();
        if (!target.IsGenericType || target == typeof(string)) return null;
        var def = target.GetGenericTypeDefinition();
        return def == typeof(IReadOnlyList<>) || def == typeof(IList<>) || def == typeof(List<>) || def == typeof(IEnumerable<>)
            || def == typeof(IReadOnlyCollection<>) || def == typeof(ICollection<>)
            ? target.GetGenericArguments()[0]
            : null;
    }

    private static KeyValuePair<Type, Type>? DictionaryTypes(Type target)
    {
        if (!target.IsGenericType) return null;
        var def = target.GetGenericTypeDefinition();
        if (def != typeof(IReadOnlyDictionary<,>) && def != typeof(IDictionary<,>) && def != typeof(Dictionary<,>)) return null;
        var args = target.GetGenericArguments();
        return new KeyValuePair<Type, Type>(args[0], args[1]);
    }

    private static object? Default(Type type) =>
        ElementType(type) is { } element && type.IsInterface ? Activator.CreateInstance(typeof(List<>).MakeGenericType(element))
        : type.IsValueType ? Activator.CreateInstance(type) : null;

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        _ => "scalar",
    };
}

/// <summary>An inline test fact that cannot be built; carries the position of the offending field.</summary>
public sealed class MaterializeException(SourceMark mark, string message) : Exception(message)
{
    public SourceMark Mark { get; } = mark;
}
