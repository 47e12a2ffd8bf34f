using NetDoctor.Collectors.Parsers.Kubectl;
using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Parsers.KubeProxyConfig;

/// <summary>
/// A component configuration file: KubeProxyConfiguration (kubeproxy.config.k8s.io/v1alpha1), KubeletConfiguration,
/// or the kube-proxy ConfigMap that embeds one ("data: config.conf: |"). Gives one <see cref="NetDoctor.Facts.ComponentSettings"/>
/// with origin config-file; flags are merged over it by <c>ComponentSettingsMerger</c>.
/// </summary>
public sealed class ComponentConfigParser : IFormatParser
{
    public string Kind => "component-config";

    public int Sniff(string fileName, string head)
    {
        var name = Path.GetFileName(fileName);
        if (name is "kube-proxy-config.yaml" or "kubelet-config.yaml") return 100;
        // A ConfigMap wrapping one (its kind line indented in the literal block): more specific than any kubectl object.
        if (head.Contains("kind: ConfigMap", StringComparison.Ordinal) && head.Contains("KubeProxyConfiguration", StringComparison.Ordinal)) return 97;
        if (head.Contains("kind: KubeProxyConfiguration", StringComparison.Ordinal) || head.Contains("kind: KubeletConfiguration", StringComparison.Ordinal))
            return 95;
        return 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        foreach (var obj in KubeObjectReader.Read(input, result))
        {
            if (obj.Kind == "ConfigMap")
            {
                if (!EmbeddedComponentConfig.Read(obj, input, result))
                    result.Problem(input.At(obj.Line), $"ConfigMap {obj.Name} holds no component configuration");
                continue;
            }
            if (ComponentConfigReader.Read(obj.Node, obj.LineOf, input, result, input.At(obj.Line)) is { } settings) result.Add(settings);
            else result.Problem(input.At(obj.Line), $"not a component configuration (kind {obj.Kind ?? "missing"})");
        }
        return result;
    }
}
