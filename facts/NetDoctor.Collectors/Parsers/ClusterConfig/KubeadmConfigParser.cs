using NetDoctor.Collectors.Parsers.Kubectl;
using NetDoctor.Collectors.Parsers.KubeProxyConfig;
using NetDoctor.Collectors.Parsing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Collectors.Parsers.ClusterConfig;

/// <summary>
/// kubeadm's configuration: the file given to `kubeadm init --config` (InitConfiguration, ClusterConfiguration and the
/// KubeletConfiguration / KubeProxyConfiguration beside them, "---" separated), `kubeadm config print init-defaults`,
/// and the kube-system/kubeadm-config ConfigMap kubeadm uploads (data.ClusterConfiguration as a literal block, whose
/// lines map one-to-one onto the file's). Pasted with the command line above it or without.
/// Gives <see cref="NetDoctor.Facts.ClusterNetwork"/> and <see cref="NetDoctor.Facts.ControlPlaneEndpoint"/> facts, and
/// component settings for the embedded kube-proxy / kubelet configurations.
/// </summary>
public sealed class KubeadmConfigParser : IFormatParser
{
    private static readonly string[] ConfigurationKeys = ["ClusterConfiguration", "MasterConfiguration"];

    public string Kind => "kubeadm-config";

    public int Sniff(string fileName, string head)
    {
        if (Path.GetFileName(fileName) is "kubeadm-config.yaml") return 100;
        // Above kubectl objects (95) and a kube-proxy ConfigMap (97): a kubeadm file may embed a KubeProxyConfiguration too.
        if (head.Contains("kubeadm.k8s.io/", StringComparison.Ordinal) || head.Contains("ClusterConfiguration: |", StringComparison.Ordinal) ||
            head.Contains("kind: ClusterConfiguration", StringComparison.Ordinal) || head.Contains("MasterConfiguration: |", StringComparison.Ordinal))
        {
            return 98;
        }

        return 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        var cleaned = input with { Text = PastedCommand.Blank(input.Text) };
        foreach (var obj in KubeObjectReader.Read(cleaned, result))
        {
            switch (obj.Kind)
            {
                case "ClusterConfiguration" or "MasterConfiguration":
                    KubeadmClusterConfiguration.Read(obj.Node, obj.LineOf, obj.Kind, input, result);
                    break;
                case "ConfigMap":
                    if (!ReadConfigMap(obj, input, result)) result.Problem(input.At(obj.Line), $"ConfigMap {obj.Name} holds no kubeadm ClusterConfiguration");
                    break;
                case "KubeProxyConfiguration" or "KubeletConfiguration":
                    if (ComponentConfigReader.Read(obj.Node, obj.LineOf, input, result, input.At(obj.Line)) is { } settings) result.Add(settings);
                    break;
                case "InitConfiguration" or "JoinConfiguration" or "ClusterStatus" or "ResetConfiguration" or "UpgradeConfiguration":
                    // Node-local settings (tokens, node registration): nothing about the cluster's networks.
                    break;
                default:
                    result.Problem(input.At(obj.Line), $"not a kubeadm configuration (kind {obj.Kind ?? "missing"})");
                    break;
            }
        }
        return result;
    }

    private static bool ReadConfigMap(KubeObject configMap, ParseInput input, ParseResult result)
    {
        if (configMap.Node.Child("data") is not YamlMappingNode data) return false;
        bool found = false;
        foreach (var (key, value) in data.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || !ConfigurationKeys.Contains(name) || value is not YamlScalarNode { Value: { } text } scalar) continue;
            bool block = scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded;
            int blockStart = configMap.LineOf(scalar), keyLine = configMap.LineOf(key);
            var repeats = new List<(int Line, string Message)>();
            if (!YamlLoader.TryLoad(text, out var node, out var error, repeats))
            {
                result.Problem(input.At(block ? blockStart + error.Line : keyLine), $"malformed {name} in ConfigMap {configMap.Name}: {Snippet.Of(error.Message)}");
                continue;
            }
            foreach (var (line, message) in repeats) result.Problem(input.At(block ? blockStart + line : keyLine), $"{name} in ConfigMap {configMap.Name}: {message}");
            if (node is not YamlMappingNode root) continue;
            // A literal block's first line is the line after "|"; JSON output quotes the value on one line.
            Func<YamlNode, int> lineOf = block ? n => blockStart + n.Line() : _ => keyLine;
            KubeadmClusterConfiguration.Read(root, lineOf, name, input, result);
            found = true;
        }
        return found;
    }
}
