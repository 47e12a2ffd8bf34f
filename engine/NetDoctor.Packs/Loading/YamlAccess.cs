using YamlDotNet.RepresentationModel;

namespace NetDoctor.Packs.Loading;

/// <summary>
/// Reading values out of YAML nodes that already passed schema validation (so shapes are right; absent keys are null).
/// </summary>
internal static class YamlAccess
{
    public static YamlNode? Get(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public static YamlScalarNode? Scalar(this YamlMappingNode map, string key) => map.Get(key) as YamlScalarNode;

    public static string? String(this YamlMappingNode map, string key) => map.Scalar(key)?.Value;

    public static int? Int(this YamlMappingNode map, string key) =>
        int.TryParse(map.String(key), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int v) ? v : null;

    public static bool? Bool(this YamlMappingNode map, string key) => map.String(key)?.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    public static YamlMappingNode? Map(this YamlMappingNode map, string key) => map.Get(key) as YamlMappingNode;

    public static IReadOnlyList<YamlNode> Seq(this YamlMappingNode map, string key) =>
        map.Get(key) is YamlSequenceNode seq ? seq.Children.ToList() : [];

    public static IReadOnlyList<string> Strings(this YamlMappingNode map, string key) =>
        map.Seq(key).OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList();

    public static YamlScalarNode? KeyNode(this YamlMappingNode map, string key) =>
        map.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => k.Value == key);
}
