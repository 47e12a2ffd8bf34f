using System.Net;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Collectors.Parsers.Kubectl;

/// <summary>
/// Calico resources. There is no client model for them, so they are read from the YAML tree. The calicoctl
/// (projectcalico.org/v3) and CRD (crd.projectcalico.org/v1) forms share their spec field names, so one mapping
/// serves both; the old calicoctl v1 API ("apiVersion: v1, kind: ipPool / profile") is read for its pools and profiles.
/// </summary>
public static class CalicoObjectMapper
{
    public static bool IsCalico(KubeObject obj) =>
        obj.Group is "projectcalico.org" or "crd.projectcalico.org" || (obj.ApiVersion == "v1" && obj.Kind is "ipPool" or "profile");

    /// <returns>False when the kind has no fact (the caller records it as unrecognised).</returns>
    public static bool Map(KubeObject obj, ParseInput input, ParseResult result)
    {
        var source = input.At(obj.Line);
        var name = obj.Name ?? "";
        var spec = obj.Node.Child("spec");
        switch (obj.Kind)
        {
            case "IPPool": return IpPool(obj, name, spec, source, input, result);
            case "ipPool": return IpPoolV1(obj, spec, source, input, result);
            case "Node": result.Add(Node(name, spec, source)); return true;
            case "Profile" or "profile": result.Add(Profile(obj, name, spec, source)); return true;
            case "BGPPeer":
                var peerIp = spec.Str("peerIP");
                result.Add(new CalicoBgpPeer
                {
                    Source = source,
                    Name = name,
                    PeerIpText = peerIp,
                    PeerIp = PeerAddress(peerIp),
                    AsNumber = spec.Long("asNumber"),
                    PeerNode = spec.Str("node"),
                    NodeSelector = spec.Str("nodeSelector"),
                    PeerSelector = spec.Str("peerSelector"),
                });
                return true;
            case "BGPConfiguration":
                result.Add(new CalicoBgpConfiguration
                {
                    Source = source,
                    Name = name,
                    NodeToNodeMeshEnabled = spec.Bool("nodeToNodeMeshEnabled"),
                    AsNumber = spec.Long("asNumber"),
                    ServiceClusterIps = CidrList(spec, "serviceClusterIPs"),
                    ServiceExternalIps = CidrList(spec, "serviceExternalIPs"),
                    ServiceLoadBalancerIps = CidrList(spec, "serviceLoadBalancerIPs"),
                    LogSeverityScreen = spec.Str("logSeverityScreen"),
                });
                return true;
            case "FelixConfiguration":
                result.Add(new FelixConfiguration
                {
                    Source = source,
                    Name = name,
                    IptablesBackend = spec.Str("iptablesBackend"),
                    BpfEnabled = spec.Bool("bpfEnabled"),
                    IpipEnabled = spec.Bool("ipipEnabled"),
                    VxlanEnabled = spec.Bool("vxlanEnabled"),
                    LogSeverityScreen = spec.Str("logSeverityScreen"),
                    DefaultEndpointToHostAction = spec.Str("defaultEndpointToHostAction"),
                    Raw = Flatten(spec),
                });
                return true;
            default:
                return false;
        }
    }

    private static bool IpPool(KubeObject obj, string name, YamlNode? spec, Source source, ParseInput input, ParseResult result)
    {
        var cidrText = spec.Str("cidr");
        if (!Cidr.TryParse(cidrText, out var cidr))
        {
            result.Problem(source, $"IPPool {name} has no valid spec.cidr ('{Snippet.Of(cidrText ?? "")}')");
            return true;
        }
        result.Add(new IpPool
        {
            Source = source,
            Name = name,
            Cidr = cidr,
            IpipMode = CalicoEncapsulationNames.Parse(spec.Str("ipipMode")),
            VxlanMode = CalicoEncapsulationNames.Parse(spec.Str("vxlanMode")),
            NatOutgoing = spec.Bool("natOutgoing") ?? false,
            Disabled = spec.Bool("disabled") ?? false,
            BlockSize = (int?)spec.Long("blockSize"),
            NodeSelector = spec.Str("nodeSelector"),
        });
        return true;
    }

    /// <summary>calicoctl v1: the CIDR is the name (metadata.cidr), IPIP is "ipip: {enabled, mode}", NAT is "nat-outgoing".</summary>
    private static bool IpPoolV1(KubeObject obj, YamlNode? spec, Source source, ParseInput input, ParseResult result)
    {
        var cidrText = obj.Node.Str("metadata", "cidr");
        if (!Cidr.TryParse(cidrText, out var cidr))
        {
            result.Problem(source, $"ipPool has no valid metadata.cidr ('{Snippet.Of(cidrText ?? "")}')");
            return true;
        }
        var ipip = spec.Bool("ipip", "enabled") == true
            ? spec.Str("ipip", "mode") is { } mode ? CalicoEncapsulationNames.Parse(mode) : CalicoEncapsulation.Always
            : CalicoEncapsulation.Never;
        result.Add(new IpPool
        {
            Source = source,
            Name = cidrText!,
            Cidr = cidr,
            IpipMode = ipip,
            NatOutgoing = spec.Bool("nat-outgoing") ?? false,
            Disabled = spec.Bool("disabled") ?? false,
        });
        return true;
    }

    private static CalicoNode Node(string name, YamlNode? spec, Source source) => new()
    {
        Source = source,
        Name = name,
        Ipv4Address = Cidr.TryParse(spec.Str("bgp", "ipv4Address"), out var v4) ? v4 : null,
        Ipv6Address = Cidr.TryParse(spec.Str("bgp", "ipv6Address"), out var v6) ? v6 : null,
        Ipv4IpipTunnelAddr = Address(spec.Str("bgp", "ipv4IPIPTunnelAddr")),
        Ipv4VxlanTunnelAddr = Address(spec.Str("ipv4VXLANTunnelAddr")),
        Ipv6VxlanTunnelAddr = Address(spec.Str("ipv6VXLANTunnelAddr")),
        AsNumber = spec.Long("bgp", "asNumber"),
        RouteReflectorClusterId = spec.Str("bgp", "routeReflectorClusterID"),
        Addresses = spec.Seq("addresses").Select(a => a.Str("address") is { } addr ? new CalicoNodeAddress(addr, a.Str("type")) : null)
            .OfType<CalicoNodeAddress>().ToList(),
        KubernetesNodeName = spec.Seq("orchRefs").FirstOrDefault(r => r.Str("orchestrator") is "k8s" or "kubernetes")?.Str("nodeName"),
    };

    private static CalicoProfile Profile(KubeObject obj, string name, YamlNode? spec, Source source)
    {
        var labels = spec.StrMap("labelsToApply");
        return new CalicoProfile
        {
            Source = source,
            Name = name,
            IngressActions = spec.Seq("ingress").Select(r => r.Str("action") ?? "").ToList(),
            EgressActions = spec.Seq("egress").Select(r => r.Str("action") ?? "").ToList(),
            // v1 profiles carried labels in metadata.
            LabelsToApply = labels.Count > 0 ? labels : obj.Node.StrMap("metadata", "labels"),
        };
    }

    private static IReadOnlyList<Cidr> CidrList(YamlNode? spec, string key) =>
        spec.Seq(key).Select(n => Cidr.TryParse(n.Str("cidr"), out var c) ? c : (Cidr?)null).OfType<Cidr>().ToList();

    private static IPAddress? Address(string? text) =>
        text is not null && Cidr.TryParse(text.Split('/')[0], out var c) ? c.Address : null;

    /// <summary>spec.peerIP may carry a port: "10.0.0.1:180" or "[fd00::1]:180".</summary>
    private static IPAddress? PeerAddress(string? text)
    {
        if (text is null) return null;
        if (IPAddress.TryParse(text, out var ip) && (text.Contains(':') || text.Count(c => c == '.') == 3)) return ip;
        if (text.StartsWith('[') && text.IndexOf(']') is > 1 and var end) return IPAddress.TryParse(text[1..end], out ip) ? ip : null;
        int colon = text.LastIndexOf(':');
        return colon > 0 ? Address(text[..colon]) : null;
    }

    private static IReadOnlyDictionary<string, string> Flatten(YamlNode? node)
    {
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(YamlNode? n, string prefix)
        {
            if (n is not YamlMappingNode map) return;
            foreach (var (k, v) in map.Children)
            {
                if (k is not YamlScalarNode { Value: { } key }) continue;
                switch (v)
                {
                    case YamlScalarNode { Value: { } value }: raw[prefix + key] = value; break;
                    case YamlMappingNode: Walk(v, prefix + key + "."); break;
                    case YamlSequenceNode seq: raw[prefix + key] = string.Join(',', seq.Children.OfType<YamlScalarNode>().Select(s => s.Value)); break;
                }
            }
        }
        Walk(node, "");
        return raw;
    }
}
