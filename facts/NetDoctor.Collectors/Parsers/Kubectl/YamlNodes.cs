using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Collectors.Parsers.Kubectl;

/// <summary>Null-tolerant navigation of YamlDotNet's representation model, for objects that have no client model (Calico CRDs).</summary>
public static class YamlNodes
{
    /// <summary>The value under <paramref name="key"/>, compared by text so that JSON's quoted keys match too.</summary>
    public static YamlNode? Child(this YamlNode? node, string key)
    {
        if (node is not YamlMappingNode map) return null;
        // By index: the ordered dictionary's enumerator is an object, and mappers ask for children field by field.
        var children = map.Children;
        for (int i = 0; i < children.Count; i++)
        {
            var (k, v) = children[i];
            if (k is YamlScalarNode { Value: { } name } && name == key) return v;
        }
        return null;
    }

    public static YamlNode? Path(this YamlNode? node, params string[] keys)
    {
        foreach (var key in keys) node = node.Child(key);
        return node;
    }

    public static string? Str(this YamlNode? node, params string[] keys) =>
        node.Path(keys) is YamlScalarNode { Value: { } v } s && !IsNull(s) ? v : null;

    public static bool? Bool(this YamlNode? node, params string[] keys) => node.Str(keys)?.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => null,
    };

    public static long? Long(this YamlNode? node, params string[] keys) =>
        long.TryParse(node.Str(keys), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static IReadOnlyList<YamlNode> Seq(this YamlNode? node, params string[] keys) =>
        node.Path(keys) is YamlSequenceNode seq ? seq.Children as IReadOnlyList<YamlNode> ?? seq.Children.ToList() : [];

    public static IReadOnlyDictionary<string, string> StrMap(this YamlNode? node, params string[] keys)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node.Path(keys) is YamlMappingNode map)
        {
            foreach (var (k, v) in map.Children)
            {
                if (k is YamlScalarNode { Value: { } key } && v is YamlScalarNode { Value: { } value })
                    result[key] = value;
            }
        }

        return result;
    }

    /// <summary>1-based line where the node starts in the text it was parsed from.</summary>
    public static int Line(this YamlNode node) => (int)node.Start.Line;

    /// <summary>Plain "null", "~" or empty scalars mean "no value" in YAML; quoted ones are strings.</summary>
    private static bool IsNull(YamlScalarNode s) =>
        s.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any && s.Value is "" or "null" or "~" or "Null" or "NULL";
}
