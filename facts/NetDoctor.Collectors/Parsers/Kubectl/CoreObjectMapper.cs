using System.Net;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Collectors.Parsers.Kubectl;

/// <summary>
/// Core Kubernetes objects mapped to NetDoctor facts straight from their YAML (or JSON) tree, by the field names and
/// types of the API (core/v1, discovery/v1, rbac/v1, apps/v1). Numbers and booleans are read from their text, as kubectl
/// would accept them quoted or not; a field of the wrong shape reads as absent instead of costing the object. (Objects
/// went through KubernetesClient's models before: System.Text.Json building the metadata of those models was about a
/// seventh of a small run's CPU and a tenth of reading a 100-node bundle.) Positions come from <see cref="KubeObject"/>.
/// </summary>
public static class CoreObjectMapper
{
    /// <summary>Kinds this mapper turns into facts (by kind name; the group is checked by the caller).</summary>
    public static bool Handles(string kind) => kind is "Node" or "Service" or "Endpoints" or "EndpointSlice" or "Pod" or "ServiceAccount"
        or "ClusterRole" or "ClusterRoleBinding" or "Role" or "RoleBinding" or "ConfigMap" or "DaemonSet";

    public static void Map(KubeObject obj, ParseInput input, ParseResult result)
    {
        var source = input.At(obj.Line);
        var o = obj.Node;
        switch (obj.Kind)
        {
            case "Node": result.Add(Node(o, source)); break;
            case "Service": result.Add(Service(o, source)); break;
            case "Endpoints": result.Add(Endpoints(o, source)); break;
            case "EndpointSlice":
                var slice = Slice(o, source);
                if (slice.ServiceName.Length == 0)
                    result.Problem(source, $"EndpointSlice {slice.SliceName} has no kubernetes.io/service-name label; its Service is unknown");
                result.Add(slice);
                break;
            case "ServiceAccount":
                result.Add(new KubeServiceAccount { Source = source, Namespace = Namespace(o), Name = o.Str("metadata", "name") ?? "" });
                break;
            case "ClusterRole": result.Add(Role(o, null, source)); break;
            case "Role": result.Add(Role(o, Namespace(o), source)); break;
            case "ClusterRoleBinding": result.Add(Binding(o, null, source)); break;
            case "RoleBinding": result.Add(Binding(o, Namespace(o), source)); break;
            case "Pod":
                var pod = Pod(o, source);
                result.Add(pod);
                ContainerComponents.Read(obj, input.Node ?? pod.NodeName, o.Path("spec"), input, result);
                break;
            case "DaemonSet":
                var found = ContainerComponents.Read(obj, input.Node, o.Path("spec", "template", "spec"), input, result);
                if (found == 0) result.Add(Unrecognised(obj, source));
                break;
            case "ConfigMap":
                if (!KubeProxyConfig.EmbeddedComponentConfig.Read(obj, input, result)) result.Add(Unrecognised(obj, source));
                break;
        }
    }

    public static UnrecognisedObject Unrecognised(KubeObject obj, Source source) => new()
    {
        Source = source,
        Kind = obj.Kind ?? "",
        ApiVersion = obj.ApiVersion,
        Name = obj.Name,
        Namespace = obj.Namespace,
    };

    private static string Namespace(YamlNode o) => o.Str("metadata", "namespace") ?? "default";

    private static KubeNode Node(YamlNode node, Source source) => new()
    {
        Source = source,
        Name = node.Str("metadata", "name") ?? "",
        Addresses = node.Seq("status", "addresses").Select(a => new KubeNodeAddress(a.Str("type") ?? "", a.Str("address") ?? "")).ToList(),
        PodCidrs = Cidrs(node.Seq("spec", "podCIDRs") is { Count: > 0 } list ? Texts(list) : node.Str("spec", "podCIDR") is { } one ? [one] : []),
        Ready = node.Seq("status", "conditions").FirstOrDefault(c => c.Str("type") == "Ready") is { } ready ? ready.Str("status") == "True" : null,
        CalicoAnnotations = node.StrMap("metadata", "annotations")
            .Where(a => a.Key.StartsWith("projectcalico.org/", StringComparison.Ordinal))
            .ToDictionary(a => a.Key, a => a.Value),
        Labels = node.StrMap("metadata", "labels"),
    };

    private static KubeService Service(YamlNode svc, Source source)
    {
        var ips = svc.Seq("spec", "clusterIPs") is { Count: > 0 } list ? Texts(list) : svc.Str("spec", "clusterIP") is { } one ? [one] : [];
        return new KubeService
        {
            Source = source,
            Namespace = Namespace(svc),
            Name = svc.Str("metadata", "name") ?? "",
            Type = svc.Str("spec", "type") ?? "ClusterIP",
            ClusterIps = Ips(ips),
            Headless = ips.Any(ip => ip == "None"),
            Ports = svc.Seq("spec", "ports").Select(p => new KubeServicePort(
                p.Str("name"), p.Str("protocol") ?? "TCP", Int(p, "port") ?? 0, p.Str("targetPort"), Int(p, "nodePort"))).ToList(),
            Selector = svc.StrMap("spec", "selector"),
            ExternalIps = Ips(Texts(svc.Seq("spec", "externalIPs"))),
        };
    }

    private static KubeEndpoints Endpoints(YamlNode ep, Source source)
    {
        var subsets = ep.Seq("subsets");
        return new KubeEndpoints
        {
            Source = source,
            Namespace = Namespace(ep),
            ServiceName = ep.Str("metadata", "name") ?? "",
            Addresses = Ips(subsets.SelectMany(s => s.Seq("addresses")).Select(a => a.Str("ip"))),
            NotReadyAddresses = Ips(subsets.SelectMany(s => s.Seq("notReadyAddresses")).Select(a => a.Str("ip"))),
            Ports = subsets.SelectMany(s => s.Seq("ports")).Select(p => new KubeEndpointPort(p.Str("name"), Int(p, "port") ?? 0, p.Str("protocol") ?? "TCP")).Distinct().ToList(),
        };
    }

    private static KubeEndpoints Slice(YamlNode slice, Source source)
    {
        var endpoints = slice.Seq("endpoints");
        // Ready is "unknown = ready" in the EndpointSlice API.
        static bool Ready(YamlNode e) => Bool(e, "conditions", "ready") ?? true;
        return new KubeEndpoints
        {
            Source = source,
            Namespace = Namespace(slice),
            ServiceName = slice.StrMap("metadata", "labels").GetValueOrDefault("kubernetes.io/service-name") ?? "",
            SliceName = slice.Str("metadata", "name") ?? "",
            Addresses = Ips(endpoints.Where(Ready).SelectMany(e => Texts(e.Seq("addresses")))),
            NotReadyAddresses = Ips(endpoints.Where(e => !Ready(e)).SelectMany(e => Texts(e.Seq("addresses")))),
            Ports = slice.Seq("ports").Select(p => new KubeEndpointPort(p.Str("name"), Int(p, "port") ?? 0, p.Str("protocol") ?? "TCP")).ToList(),
        };
    }

    private static KubePod Pod(YamlNode pod, Source source)
    {
        var ips = pod.Seq("status", "podIPs") is { Count: > 0 } list ? list.Select(p => p.Str("ip")) : pod.Str("status", "podIP") is { } one ? [one] : [];
        var owners = pod.Seq("metadata", "ownerReferences");
        var owner = owners.FirstOrDefault(o => Bool(o, "controller") == true) ?? owners.FirstOrDefault();
        return new KubePod
        {
            Source = source,
            Namespace = Namespace(pod),
            Name = pod.Str("metadata", "name") ?? "",
            NodeName = pod.Str("spec", "nodeName"),
            PodIps = Ips(ips),
            HostIp = IPAddress.TryParse(pod.Str("status", "hostIP"), out var host) ? host : null,
            HostNetwork = Bool(pod, "spec", "hostNetwork") ?? false,
            Phase = pod.Str("status", "phase"),
            ServiceAccount = pod.Str("spec", "serviceAccountName") ?? pod.Str("spec", "serviceAccount"),
            Containers = pod.Seq("status", "containerStatuses").Select(Container).ToList(),
            Labels = pod.StrMap("metadata", "labels"),
            Owner = owner is null ? null : $"{owner.Str("kind")}/{owner.Str("name")}",
        };
    }

    private static KubeContainerStatus Container(YamlNode c)
    {
        var state = c.Child("state");
        var (phase, reason) = state switch
        {
            _ when state.Child("running") is YamlMappingNode => ("running", (string?)null),
            _ when state.Child("waiting") is YamlMappingNode w => ("waiting", w.Str("reason")),
            _ when state.Child("terminated") is YamlMappingNode t => ("terminated", t.Str("reason")),
            _ => ((string?)null, (string?)null),
        };
        var last = c.Path("lastState", "terminated") as YamlMappingNode;
        return new KubeContainerStatus(c.Str("name") ?? "", Bool(c, "ready") ?? false, Int(c, "restartCount") ?? 0, phase, reason, last.Str("reason"), Int(last, "exitCode"));
    }

    private static KubeClusterRole Role(YamlNode role, string? ns, Source source) => new()
    {
        Source = source,
        Name = role.Str("metadata", "name") ?? "",
        Namespace = ns,
        Rules = role.Seq("rules").Select(r => new KubePolicyRule(
            Texts(r.Seq("apiGroups")), Texts(r.Seq("resources")), Texts(r.Seq("verbs")), Texts(r.Seq("resourceNames")), Texts(r.Seq("nonResourceURLs")))).ToList(),
    };

    private static KubeClusterRoleBinding Binding(YamlNode binding, string? ns, Source source) => new()
    {
        Source = source,
        Name = binding.Str("metadata", "name") ?? "",
        Namespace = ns,
        RoleRefKind = binding.Str("roleRef", "kind") ?? "",
        RoleRefName = binding.Str("roleRef", "name") ?? "",
        Subjects = binding.Seq("subjects").Select(s => new KubeSubject(s.Str("kind") ?? "", s.Str("name") ?? "", s.Str("namespace"))).ToList(),
    };

    /// <summary>
    /// An integer field, read from its text (kubectl accepts `port: "80"` as well as `port: 80`); null when absent. A
    /// value that is no integer ("port: eighty") is what the API would reject: the object is not read, and the caller
    /// reports why at its line.
    /// </summary>
    private static int? Int(YamlNode? node, string key)
    {
        if (node.Str(key) is not { } text) return null;
        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new FormatException($"{key} '{Snippet.Of(text)}' is not an integer");
    }

    /// <summary>A boolean field (true/false in any case, as kubectl reads YAML); null when absent; see <see cref="Int"/> for a wrong value.</summary>
    private static bool? Bool(YamlNode? node, params string[] keys) => node.Str(keys) switch
    {
        null => null,
        var text => node.Bool(keys) ?? throw new FormatException($"{string.Join('.', keys)} '{Snippet.Of(text)}' is not a boolean"),
    };

    /// <summary>The scalar items of a list (an empty list's items, and any that are not text, are left out).</summary>
    private static IReadOnlyList<string> Texts(IReadOnlyList<YamlNode> items) =>
        items.Select(i => i is YamlScalarNode { Value: { } v } ? v : null).OfType<string>().ToList();

    private static IReadOnlyList<IPAddress> Ips(IEnumerable<string?> texts) =>
        texts.Select(t => IPAddress.TryParse(t, out var ip) ? ip : null).OfType<IPAddress>().ToList();

    private static IReadOnlyList<Cidr> Cidrs(IEnumerable<string> texts) =>
        texts.Select(t => Cidr.TryParse(t, out var c) ? c : (Cidr?)null).OfType<Cidr>().ToList();
}
