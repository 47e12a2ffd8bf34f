using NetDoctor.Collectors.Parsers.Processes;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Collectors.Parsers.Kubectl;

/// <summary>
/// The component settings a pod spec carries: a static pod manifest's command line (kube-apiserver.yaml), a kube-proxy
/// DaemonSet's flags, calico-node's environment (IP_AUTODETECTION_METHOD, CALICO_IPV4POOL_CIDR...).
/// </summary>
public static class ContainerComponents
{
    /// <param name="podSpec">The YAML of the pod spec: its containers, the line of each command word and env entry.</param>
    /// <returns>The number of component containers found.</returns>
    public static int Read(KubeObject obj, string? node, YamlNode? podSpec, ParseInput input, ParseResult result)
    {
        int found = 0;
        foreach (var y in podSpec.Seq("containers"))
        {
            var argv = Words(obj, y, "command", input).Concat(Words(obj, y, "args", input)).ToList();
            var kind = ComponentCommandLine.Identify(argv.Select(a => a.Text).ToList(), out int first) is { } k ? k : (ComponentKind?)null;
            if (kind is null)
            {
                // calico-node's image starts it without a command; recognise it by container name or image.
                first = 0;
                kind = ComponentCommandLine.ByName(y.Str("name") ?? "") ??
                       (y.Str("image")?.Contains("calico/node", StringComparison.Ordinal) == true ? ComponentKind.CalicoNode : null);
            }
            if (kind is null) continue;
            var source = input.At(obj.LineOf(y));
            var settings = ComponentCommandLine.ReadFlags(kind.Value, argv, first, node, null, source);
            var merged = new Dictionary<string, ComponentSetting>(settings.Settings, StringComparer.Ordinal);
            foreach (var env in y.Seq("env"))
            {
                // valueFrom (field refs, secrets) has no value to read here; only literal values are settings.
                if (env.Str("name") is { } name && env.Child("value") is YamlScalarNode { Value: { } value } v)
                    merged[name] = new ComponentSetting(name, value, SettingOrigin.Environment, input.At(obj.LineOf(v)));
            }
            result.Add(settings with { Settings = merged });
            found++;
        }
        return found;
    }

    private static IEnumerable<Arg> Words(KubeObject obj, YamlNode? container, string key, ParseInput input) =>
        container.Seq(key).OfType<YamlScalarNode>().Select(s => new Arg(s.Value ?? "", input.At(obj.LineOf(s))));
}
