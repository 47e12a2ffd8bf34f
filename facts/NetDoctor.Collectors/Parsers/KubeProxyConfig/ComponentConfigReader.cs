using NetDoctor.Collectors.Parsers.Kubectl;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Collectors.Parsers.KubeProxyConfig;

/// <summary>
/// Flattens a component configuration object (KubeProxyConfiguration, KubeletConfiguration) into settings keyed by
/// YAML path ("clusterCIDR", "iptables.masqueradeAll"); lists become comma-joined values, as the flags spell them.
/// </summary>
public static partial class ComponentConfigReader
{
    public static ComponentKind? KindOf(string? kind) => kind switch
    {
        "KubeProxyConfiguration" => ComponentKind.KubeProxy,
        "KubeletConfiguration" => ComponentKind.Kubelet,
        _ => null,
    };

    /// <param name="lineOf">Maps a node of <paramref name="root"/> to its line in the file (embedded configs are offset).</param>
    public static ComponentSettings? Read(YamlMappingNode root, Func<YamlNode, int> lineOf, ParseInput input, ParseResult result, Source factSource)
    {
        var kind = KindOf(root.Str("kind"));
        if (kind is null) return null;
        var settings = new Dictionary<string, ComponentSetting>(StringComparer.Ordinal);
        Flatten(root, "", settings, lineOf, input, result);
        settings.Remove("apiVersion");
        settings.Remove("kind");
        return new ComponentSettings { Source = factSource, Node = input.Node, Component = kind.Value, Settings = settings };
    }

    private static void Flatten(YamlMappingNode map, string prefix, Dictionary<string, ComponentSetting> settings, Func<YamlNode, int> lineOf, ParseInput input, ParseResult result)
    {
        foreach (var (k, v) in map.Children)
        {
            if (k is not YamlScalarNode { Value: { } name }) continue;
            // Field names are identifiers (feature gate names too); anything else is damage, reported where it is.
            if (!FieldRegex().IsMatch(name))
            {
                result.Problem(input.At(lineOf(k)), $"'{Snippet.Of(name)}' is not a configuration field name");
                continue;
            }
            var key = prefix + name;
            switch (v)
            {
                case YamlMappingNode child:
                    Flatten(child, key + ".", settings, lineOf, input, result);
                    break;
                case YamlSequenceNode seq:
                    var items = seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "");
                    settings[key] = new ComponentSetting(key, string.Join(',', items), SettingOrigin.ConfigFile, input.At(lineOf(k)));
                    break;
                case YamlScalarNode scalar:
                    // An explicit empty value ("clusterCIDR: \"\"") is kept: it is how incident 004's config says "unset".
                    var value = scalar.Style is YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "null" or "~" ? "" : scalar.Value ?? "";
                    settings[key] = new ComponentSetting(key, value, SettingOrigin.ConfigFile, input.At(lineOf(k)));
                    break;
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_.-]{0,127}$")]
    private static partial System.Text.RegularExpressions.Regex FieldRegex();
}
