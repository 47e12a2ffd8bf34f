using NetDoctor.Collectors.Parsers.Kubectl;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Collectors.Parsers.ClusterConfig;

/// <summary>
/// The networks of a kubeadm ClusterConfiguration (v1beta1..v1beta4, and the MasterConfiguration of kubeadm before 1.13):
/// networking.podSubnet and serviceSubnet, the kube-controller-manager / kube-apiserver flags kubeadm passes them as
/// when they are overridden in extraArgs (a map before v1beta4, a list of name/value pairs since), and controlPlaneEndpoint.
/// </summary>
public static class KubeadmClusterConfiguration
{
    public static void Read(YamlMappingNode root, Func<YamlNode, int> lineOf, string kind, ParseInput input, ParseResult result)
    {
        var origin = "kubeadm " + kind;
        Range(root.Path("networking", "podSubnet"), ClusterNetworkRole.Pods, origin + " networking.podSubnet", lineOf, input, result);
        Range(root.Path("networking", "serviceSubnet"), ClusterNetworkRole.Services, origin + " networking.serviceSubnet", lineOf, input, result);
        if (ExtraArg(root, "controllerManager", "cluster-cidr") is { } cidr)
            Range(cidr, ClusterNetworkRole.Pods, origin + " controllerManager.extraArgs cluster-cidr", lineOf, input, result);
        if (ExtraArg(root, "apiServer", "service-cluster-ip-range") is { } range)
            Range(range, ClusterNetworkRole.Services, origin + " apiServer.extraArgs service-cluster-ip-range", lineOf, input, result);
        var endpoint = root.Path("controlPlaneEndpoint") ?? root.Path("api", "controlPlaneEndpoint");
        if (endpoint is YamlScalarNode { Value: { Length: > 0 } text })
            NetworkValues.Endpoint(text, origin + " controlPlaneEndpoint", lineOf(endpoint), input, result);
    }

    private static void Range(YamlNode? node, ClusterNetworkRole role, string origin, Func<YamlNode, int> lineOf, ParseInput input, ParseResult result)
    {
        if (node is null) return;
        if (node is YamlScalarNode scalar) NetworkValues.Add(role, scalar.Value, origin, lineOf(node), input, result);
        else result.Problem(input.At(lineOf(node)), $"{origin} is not a single value");
    }

    /// <summary>v1beta3: extraArgs: {cluster-cidr: x}; v1beta4: extraArgs: [{name: cluster-cidr, value: x}].</summary>
    private static YamlNode? ExtraArg(YamlMappingNode root, string component, string flag)
    {
        var args = root.Path(component, "extraArgs");
        if (args is YamlMappingNode) return args.Child(flag);
        if (args is YamlSequenceNode list)
            return list.Children.LastOrDefault(a => a.Str("name") == flag)?.Child("value");
        return null;
    }
}
