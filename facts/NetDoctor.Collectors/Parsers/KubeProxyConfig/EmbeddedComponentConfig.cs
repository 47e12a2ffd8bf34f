using NetDoctor.Collectors.Parsers.Kubectl;
using NetDoctor.Collectors.Parsing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Collectors.Parsers.KubeProxyConfig;

/// <summary>
/// A component configuration carried inside a ConfigMap (kubeadm's kube-proxy ConfigMap: "data: config.conf: |").
/// With a literal block the embedded lines map one-to-one onto file lines after the "|" indicator; a quoted value
/// (JSON output) has no such mapping, so its settings point at the data key's line.
/// </summary>
public static class EmbeddedComponentConfig
{
    /// <returns>True when at least one data entry was a component configuration.</returns>
    public static bool Read(KubeObject configMap, ParseInput input, ParseResult result)
    {
        bool found = false;
        if (configMap.Node.Child("data") is not YamlMappingNode data) return false;
        foreach (var (key, value) in data.Children)
        {
            if (value is not YamlScalarNode { Value: { } text } scalar || !text.Contains("kind:", StringComparison.Ordinal) && !text.Contains("\"kind\"", StringComparison.Ordinal))
                continue;
            bool block = scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded;
            var repeats = new List<(int Line, string Message)>();
            if (!YamlLoader.TryLoad(text, out var node, out var error, repeats))
            {
                int at = block ? configMap.LineOf(scalar) + error.Line : configMap.LineOf(key);
                result.Problem(input.At(at), $"malformed configuration in ConfigMap {configMap.Name} key {(key as YamlScalarNode)?.Value}: {Snippet.Of(error.Message)}");
                continue;
            }
            if (node is not YamlMappingNode root) continue;
            int blockStart = configMap.LineOf(scalar);
            int keyLine = configMap.LineOf(key);
            foreach (var (line, message) in repeats)
                result.Problem(input.At(block ? blockStart + line : keyLine), $"configuration in ConfigMap {configMap.Name} key {(key as YamlScalarNode)?.Value}: {message}");
            Func<YamlNode, int> lineOf = block ? n => blockStart + n.Line() : _ => keyLine;
            if (ComponentConfigReader.Read(root, lineOf, input, result, input.At(keyLine)) is { } settings)
            {
                result.Add(settings);
                found = true;
            }
        }
        return found;
    }
}
