using NetDoctor.Collectors.Parsers.Kubectl;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Collectors.Parsers.ClusterConfig;

/// <summary>
/// A kops cluster spec (`kops get cluster -o yaml [--full]`, the cluster-completed.spec in the state store): podCIDR,
/// serviceClusterIPRange, nonMasqueradeCIDR, the flags kops gives kube-controller-manager / kube-apiserver, and
/// spec.kubeProxy, which kops turns into kube-proxy's own flags (so it becomes kube-proxy component settings).
/// InstanceGroups in the same file are skipped: they say nothing about the networks.
/// </summary>
public sealed class KopsClusterParser : IFormatParser
{
    public string Kind => "kops-cluster";

    public int Sniff(string fileName, string head) =>
        // Above kubectl objects (95): a kops spec has apiVersion, kind and metadata like any object.
        head.Contains("kops.k8s.io/v1alpha", StringComparison.Ordinal) || head.Contains("apiVersion: kops/v1alpha", StringComparison.Ordinal) ? 96 : 0;

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        var cleaned = input with { Text = PastedCommand.Blank(input.Text) };
        foreach (var obj in KubeObjectReader.Read(cleaned, result))
        {
            if (obj.Kind == "Cluster") ReadCluster(obj, input, result);
            else if (obj.Kind is not ("InstanceGroup" or "SSHCredential" or "Keyset")) result.Problem(input.At(obj.Line), $"not a kops cluster spec (kind {obj.Kind ?? "missing"})");
        }
        return result;
    }

    private static void ReadCluster(KubeObject cluster, ParseInput input, ParseResult result)
    {
        var spec = cluster.Node.Child("spec");
        void Range(ClusterNetworkRole role, string path, params string[] keys)
        {
            if (spec.Path(keys) is not { } node) return;
            if (node is YamlScalarNode s) NetworkValues.Add(role, s.Value, "kops spec." + path, cluster.LineOf(node), input, result);
            else result.Problem(input.At(cluster.LineOf(node)), $"kops spec.{path} is not a single value");
        }
        Range(ClusterNetworkRole.Pods, "podCIDR", "podCIDR");
        Range(ClusterNetworkRole.Services, "serviceClusterIPRange", "serviceClusterIPRange");
        Range(ClusterNetworkRole.NonMasquerade, "nonMasqueradeCIDR", "nonMasqueradeCIDR");
        Range(ClusterNetworkRole.Pods, "kubeControllerManager.clusterCIDR", "kubeControllerManager", "clusterCIDR");
        Range(ClusterNetworkRole.Services, "kubeAPIServer.serviceClusterIPRange", "kubeAPIServer", "serviceClusterIPRange");
        if (spec.Path("masterPublicName") is YamlScalarNode { Value: { Length: > 0 } name } publicName)
            NetworkValues.Endpoint(name, "kops spec.masterPublicName", cluster.LineOf(publicName), input, result);
        if (spec.Path("kubeProxy") is YamlMappingNode proxy) ReadKubeProxy(proxy, cluster, input, result);
    }

    /// <summary>kops field names → kube-proxy's KubeProxyConfiguration names (what the merger and the rules read).</summary>
    private static void ReadKubeProxy(YamlMappingNode proxy, KubeObject cluster, ParseInput input, ParseResult result)
    {
        var settings = new Dictionary<string, ComponentSetting>(StringComparer.Ordinal);
        void Map(string kopsField, string key)
        {
            if (proxy.Child(kopsField) is YamlScalarNode { Value: { } value } node)
                settings[key] = new ComponentSetting(key, value, SettingOrigin.ConfigFile, input.At(cluster.LineOf(node)));
        }
        Map("clusterCIDR", "clusterCIDR");
        Map("proxyMode", "mode");
        Map("masqueradeAll", "iptables.masqueradeAll");
        Map("bindAddress", "bindAddress");
        if (settings.Count == 0) return;
        result.Add(new ComponentSettings { Source = input.At(cluster.LineOf(proxy)), Node = input.Node, Component = ComponentKind.KubeProxy, Settings = settings });
    }
}
