using System.Text.RegularExpressions;
using NetDoctor.Collectors.Parsers.Kubectl;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Collectors.Parsers.ClusterConfig;

/// <summary>
/// A k3s or RKE2 config file (/etc/rancher/k3s/config.yaml, /etc/rancher/rke2/config.yaml and their config.yaml.d drop-ins):
/// one flat mapping whose keys are the server's command-line flags ("cluster-cidr", "service-cidr", "server"), a trailing
/// "+" appending to a value set elsewhere. The pod and service networks, and an agent's server URL, become facts;
/// flags passed on to kube-controller-manager / kube-apiserver ("kube-controller-manager-arg: [cluster-cidr=…]") count too.
/// </summary>
public sealed partial class K3sConfigParser : IFormatParser
{
    public string Kind => "k3s-config";

    public int Sniff(string fileName, string head)
    {
        var path = fileName.Replace('\\', '/');
        if ((path.Contains("rancher/k3s/", StringComparison.Ordinal) || path.Contains("rancher/rke2/", StringComparison.Ordinal)) &&
            (path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal)))
        {
            return 100;
        }

        if (head.Contains("rancher/k3s/config.yaml", StringComparison.Ordinal) || head.Contains("rancher/rke2/config.yaml", StringComparison.Ordinal)) return 90;
        // Objects with apiVersion/kind are kubectl's; a flat mapping of the servers' own flag names is this format.
        if (ObjectRegex().IsMatch(head)) return 0;
        int keys = KeyRegex().Matches(head).Count;
        bool networks = NetworkKeyRegex().IsMatch(head);
        return keys >= 2 ? (networks ? 75 : 55) : 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        var text = PastedCommand.Blank(input.Text);
        if (string.IsNullOrWhiteSpace(text)) return result;
        var repeats = new List<(int Line, string Message)>();
        if (!YamlLoader.TryLoad(text, out var root, out var error, repeats))
        {
            result.Problem(input.At(error.Line), $"malformed k3s/RKE2 config: {Snippet.Of(error.Message)}");
            return result;
        }
        foreach (var (line, message) in repeats) result.Problem(input.At(line), message);
        if (root is null) return result;
        if (root is not YamlMappingNode map)
        {
            result.Problem(input.At(root.Line()), "a k3s/RKE2 config is a mapping of flag names to values");
            return result;
        }
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } rawKey }) continue;
            var key = rawKey.TrimEnd('+');
            switch (key)
            {
                case "cluster-cidr":
                    Scalar(value, ClusterNetworkRole.Pods, "k3s/RKE2 config cluster-cidr", input, result);
                    break;
                case "service-cidr":
                    Scalar(value, ClusterNetworkRole.Services, "k3s/RKE2 config service-cidr", input, result);
                    break;
                case "server" when value is YamlScalarNode { Value: { } server }:
                    NetworkValues.Endpoint(server, "k3s/RKE2 config server", value.Line(), input, result);
                    break;
                case "kube-controller-manager-arg":
                    PassedFlag(value, "cluster-cidr", ClusterNetworkRole.Pods, "k3s/RKE2 config kube-controller-manager-arg cluster-cidr", input, result);
                    break;
                case "kube-apiserver-arg":
                    PassedFlag(value, "service-cluster-ip-range", ClusterNetworkRole.Services, "k3s/RKE2 config kube-apiserver-arg service-cluster-ip-range", input, result);
                    break;
            }
        }
        return result;
    }

    private static void Scalar(YamlNode value, ClusterNetworkRole role, string origin, ParseInput input, ParseResult result)
    {
        switch (value)
        {
            case YamlScalarNode scalar:
                NetworkValues.Add(role, scalar.Value, origin, value.Line(), input, result);
                break;
            // A repeatable flag may be written as a list.
            case YamlSequenceNode list:
                NetworkValues.Add(role, string.Join(',', list.Children.OfType<YamlScalarNode>().Select(s => s.Value)), origin, value.Line(), input, result);
                break;
            default:
                result.Problem(input.At(value.Line()), $"{origin} is not a CIDR list");
                break;
        }
    }

    private static void PassedFlag(YamlNode value, string flag, ClusterNetworkRole role, string origin, ParseInput input, ParseResult result)
    {
        var items = value is YamlSequenceNode list ? list.Children : [value];
        foreach (var item in items.OfType<YamlScalarNode>())
        {
            var arg = (item.Value ?? "").TrimStart('-');
            if (arg.StartsWith(flag + "=", StringComparison.Ordinal)) NetworkValues.Add(role, arg[(flag.Length + 1)..], origin, item.Line(), input, result);
        }
    }

    [GeneratedRegex(@"^(apiVersion|kind)\s*:", RegexOptions.Multiline)]
    private static partial Regex ObjectRegex();

    [GeneratedRegex(@"^(cluster-cidr|service-cidr|cluster-dns|cluster-domain|write-kubeconfig-mode|tls-san|node-label|node-taint|cluster-init|flannel-backend|disable|disable-kube-proxy|disable-network-policy|cni|token|agent-token|server|node-ip|node-external-ip|node-name|advertise-address|kube-proxy-arg|kube-apiserver-arg|kube-controller-manager-arg|kubelet-arg|etcd-expose-metrics|data-dir|selinux|profile)\+?\s*:", RegexOptions.Multiline)]
    private static partial Regex KeyRegex();

    [GeneratedRegex(@"^(cluster-cidr|service-cidr)\+?\s*:", RegexOptions.Multiline)]
    private static partial Regex NetworkKeyRegex();
}
