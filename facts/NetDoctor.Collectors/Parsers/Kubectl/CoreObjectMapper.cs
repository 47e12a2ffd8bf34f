using System.Net;
using k8s;
using k8s.Models;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Collectors.Parsers.Kubectl;

/// <summary>
/// Core Kubernetes objects read through the KubernetesClient models (so field names and types follow the real API),
/// then mapped to NetDoctor facts. The object's text is handed to <see cref="KubernetesYaml"/>; positions come from <see cref="KubeObject"/>.
/// </summary>
public static class CoreObjectMapper
{
    /// <summary>Kinds this mapper turns into facts (by kind name; the group is checked by the caller).</summary>
    public static bool Handles(string kind) => kind is "Node" or "Service" or "Endpoints" or "EndpointSlice" or "Pod" or "ServiceAccount"
        or "ClusterRole" or "ClusterRoleBinding" or "Role" or "RoleBinding" or "ConfigMap" or "DaemonSet";

    public static void Map(KubeObject obj, ParseInput input, ParseResult result)
    {
        var source = input.At(obj.Line);
        switch (obj.Kind)
        {
            case "Node": result.Add(Node(Model<V1Node>(obj), source)); break;
            case "Service": result.Add(Service(Model<V1Service>(obj), source)); break;
            case "Endpoints": result.Add(Endpoints(Model<V1Endpoints>(obj), source)); break;
            case "EndpointSlice":
                var slice = Slice(Model<V1EndpointSlice>(obj), source);
                if (slice.ServiceName.Length == 0)
                    result.Problem(source, $"EndpointSlice {slice.SliceName} has no kubernetes.io/service-name label; its Service is unknown");
                result.Add(slice);
                break;
            case "ServiceAccount":
                var sa = Model<V1ServiceAccount>(obj);
                result.Add(new KubeServiceAccount { Source = source, Namespace = sa.Metadata?.NamespaceProperty ?? "default", Name = sa.Metadata?.Name ?? "" });
                break;
            case "ClusterRole": result.Add(Role(Model<V1ClusterRole>(obj).Metadata, Model<V1ClusterRole>(obj).Rules, null, source)); break;
            case "Role":
                var role = Model<V1Role>(obj);
                result.Add(Role(role.Metadata, role.Rules, role.Metadata?.NamespaceProperty ?? "default", source));
                break;
            case "ClusterRoleBinding":
                var crb = Model<V1ClusterRoleBinding>(obj);
                result.Add(Binding(crb.Metadata, crb.RoleRef, crb.Subjects, null, source));
                break;
            case "RoleBinding":
                var rb = Model<V1RoleBinding>(obj);
                result.Add(Binding(rb.Metadata, rb.RoleRef, rb.Subjects, rb.Metadata?.NamespaceProperty ?? "default", source));
                break;
            case "Pod":
                var pod = Model<V1Pod>(obj);
                result.Add(Pod(pod, source));
                ContainerComponents.Read(obj, pod.Spec?.Containers, input.Node ?? pod.Spec?.NodeName, obj.Node.Path("spec"), input, result);
                break;
            case "DaemonSet":
                var ds = Model<V1DaemonSet>(obj);
                var found = ContainerComponents.Read(obj, ds.Spec?.Template?.Spec?.Containers, input.Node, obj.Node.Path("spec", "template", "spec"), input, result);
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

    /// <summary>
    /// The object as its client model. The YAML tree goes to JSON and through the client's System.Text.Json contract,
    /// which is several times faster than writing the YAML back out for the client's YAML deserializer. That path is kept
    /// for what JSON is stricter about (an unquoted `true` where the API has a string): it accepts what kubectl accepts.
    /// Before it, JSON is tried once more with True/False kept as text, the usual case ("status: True" in a condition):
    /// the client's YAML deserializer costs ~150 ms of start-up (it scans the client's model types), a small run's
    /// largest single cost.
    /// </summary>
    private static T Model<T>(KubeObject obj)
    {
        try
        {
            return Deserialize<T>(YamlToJson.Utf8(obj.Node));
        }
        catch (System.Text.Json.JsonException)
        {
        }
        try
        {
            return Deserialize<T>(YamlToJson.Utf8(obj.Node, capitalisedBooleansAsText: true));
        }
        catch (System.Text.Json.JsonException)
        {
            var writer = new StringWriter();
            new YamlStream(new YamlDocument(obj.Node)).Save(writer, assignAnchors: false);
            return KubernetesYaml.Deserialize<T>(writer.ToString());
        }
    }

    private static T Deserialize<T>(ReadOnlyMemory<byte> json)
    {
        using var stream = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(json, out var bytes)
            ? new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false)
            : new MemoryStream(json.ToArray(), writable: false);
        return KubernetesJson.Deserialize<T>(stream);
    }

    private static KubeNode Node(V1Node node, Source source) => new()
    {
        Source = source,
        Name = node.Metadata?.Name ?? "",
        Addresses = node.Status?.Addresses?.Select(a => new KubeNodeAddress(a.Type ?? "", a.Address ?? "")).ToList() ?? [],
        PodCidrs = Cidrs(node.Spec?.PodCIDRs is { Count: > 0 } list ? list : node.Spec?.PodCIDR is { } one ? [one] : []),
        Ready = node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready") is { } ready ? ready.Status == "True" : null,
        CalicoAnnotations = (node.Metadata?.Annotations ?? new Dictionary<string, string>())
            .Where(a => a.Key.StartsWith("projectcalico.org/", StringComparison.Ordinal))
            .ToDictionary(a => a.Key, a => a.Value),
        Labels = Dict(node.Metadata?.Labels),
    };

    private static KubeService Service(V1Service svc, Source source)
    {
        var ips = svc.Spec?.ClusterIPs is { Count: > 0 } list ? list : svc.Spec?.ClusterIP is { } one ? [one] : [];
        return new KubeService
        {
            Source = source,
            Namespace = svc.Metadata?.NamespaceProperty ?? "default",
            Name = svc.Metadata?.Name ?? "",
            Type = svc.Spec?.Type ?? "ClusterIP",
            ClusterIps = Ips(ips),
            Headless = ips.Any(ip => ip == "None"),
            Ports = svc.Spec?.Ports?.Select(p => new KubeServicePort(p.Name, p.Protocol ?? "TCP", p.Port, p.TargetPort?.Value, p.NodePort)).ToList() ?? [],
            Selector = Dict(svc.Spec?.Selector),
            ExternalIps = Ips(svc.Spec?.ExternalIPs ?? []),
        };
    }

    private static KubeEndpoints Endpoints(V1Endpoints ep, Source source)
    {
        var subsets = ep.Subsets ?? [];
        return new KubeEndpoints
        {
            Source = source,
            Namespace = ep.Metadata?.NamespaceProperty ?? "default",
            ServiceName = ep.Metadata?.Name ?? "",
            Addresses = Ips(subsets.SelectMany(s => s.Addresses ?? []).Select(a => a.Ip)),
            NotReadyAddresses = Ips(subsets.SelectMany(s => s.NotReadyAddresses ?? []).Select(a => a.Ip)),
            Ports = subsets.SelectMany(s => s.Ports ?? []).Select(p => new KubeEndpointPort(p.Name, p.Port, p.Protocol ?? "TCP")).Distinct().ToList(),
        };
    }

    private static KubeEndpoints Slice(V1EndpointSlice slice, Source source)
    {
        var endpoints = slice.Endpoints ?? [];
        // Ready is "unknown = ready" in the EndpointSlice API.
        bool Ready(V1Endpoint e) => e.Conditions?.Ready ?? true;
        return new KubeEndpoints
        {
            Source = source,
            Namespace = slice.Metadata?.NamespaceProperty ?? "default",
            ServiceName = slice.Metadata?.Labels is { } labels && labels.TryGetValue("kubernetes.io/service-name", out var svc) ? svc : "",
            SliceName = slice.Metadata?.Name ?? "",
            Addresses = Ips(endpoints.Where(Ready).SelectMany(e => e.Addresses ?? [])),
            NotReadyAddresses = Ips(endpoints.Where(e => !Ready(e)).SelectMany(e => e.Addresses ?? [])),
            Ports = (slice.Ports ?? []).Select(p => new KubeEndpointPort(p.Name, p.Port ?? 0, p.Protocol ?? "TCP")).ToList(),
        };
    }

    private static KubePod Pod(V1Pod pod, Source source)
    {
        var ips = pod.Status?.PodIPs is { Count: > 0 } list ? list.Select(p => p.Ip) : pod.Status?.PodIP is { } one ? [one] : [];
        var owner = pod.Metadata?.OwnerReferences?.FirstOrDefault(o => o.Controller == true) ?? pod.Metadata?.OwnerReferences?.FirstOrDefault();
        return new KubePod
        {
            Source = source,
            Namespace = pod.Metadata?.NamespaceProperty ?? "default",
            Name = pod.Metadata?.Name ?? "",
            NodeName = pod.Spec?.NodeName,
            PodIps = Ips(ips),
            HostIp = IPAddress.TryParse(pod.Status?.HostIP, out var host) ? host : null,
            HostNetwork = pod.Spec?.HostNetwork ?? false,
            Phase = pod.Status?.Phase,
            ServiceAccount = pod.Spec?.ServiceAccountName ?? pod.Spec?.ServiceAccount,
            Containers = (pod.Status?.ContainerStatuses ?? []).Select(Container).ToList(),
            Labels = Dict(pod.Metadata?.Labels),
            Owner = owner is null ? null : $"{owner.Kind}/{owner.Name}",
        };
    }

    private static KubeContainerStatus Container(V1ContainerStatus c)
    {
        var (state, reason) = c.State switch
        {
            { Running: not null } => ("running", (string?)null),
            { Waiting: { } w } => ("waiting", w.Reason),
            { Terminated: { } t } => ("terminated", t.Reason),
            _ => ((string?)null, (string?)null),
        };
        var last = c.LastState?.Terminated;
        return new KubeContainerStatus(c.Name ?? "", c.Ready, c.RestartCount, state, reason, last?.Reason, last?.ExitCode);
    }

    private static KubeClusterRole Role(V1ObjectMeta? meta, IList<V1PolicyRule>? rules, string? ns, Source source) => new()
    {
        Source = source,
        Name = meta?.Name ?? "",
        Namespace = ns,
        Rules = (rules ?? []).Select(r => new KubePolicyRule(
            List(r.ApiGroups), List(r.Resources), List(r.Verbs), List(r.ResourceNames), List(r.NonResourceURLs))).ToList(),
    };

    private static KubeClusterRoleBinding Binding(V1ObjectMeta? meta, V1RoleRef? roleRef, IList<Rbacv1Subject>? subjects, string? ns, Source source) => new()
    {
        Source = source,
        Name = meta?.Name ?? "",
        Namespace = ns,
        RoleRefKind = roleRef?.Kind ?? "",
        RoleRefName = roleRef?.Name ?? "",
        Subjects = (subjects ?? []).Select(s => new KubeSubject(s.Kind ?? "", s.Name ?? "", s.NamespaceProperty)).ToList(),
    };

    private static IReadOnlyList<string> List(IList<string>? items) => items?.ToList() ?? [];

    private static IReadOnlyDictionary<string, string> Dict(IDictionary<string, string>? d) =>
        d is null ? new Dictionary<string, string>() : new Dictionary<string, string>(d);

    private static IReadOnlyList<IPAddress> Ips(IEnumerable<string?> texts) =>
        texts.Select(t => IPAddress.TryParse(t, out var ip) ? ip : null).OfType<IPAddress>().ToList();

    private static IReadOnlyList<Cidr> Cidrs(IEnumerable<string> texts) =>
        texts.Select(t => Cidr.TryParse(t, out var c) ? c : (Cidr?)null).OfType<Cidr>().ToList();
}
