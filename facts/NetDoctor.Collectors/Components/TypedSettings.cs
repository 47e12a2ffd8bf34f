using System.Globalization;
using System.Net;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Components;

/// <summary>Reads the typed settings facts from merged settings (keys as <see cref="FlagConfigNames"/> leaves them).</summary>
public static class TypedSettings
{
    public static KubeProxySettings KubeProxy(ComponentSettings s)
    {
        var mode = s.Get("mode");
        var cidr = s.Settings.GetValueOrDefault("clusterCIDR");
        return new KubeProxySettings
        {
            Source = s.Source,
            Node = s.Node,
            ModeText = string.IsNullOrEmpty(mode) ? null : mode,
            Mode = mode?.ToLowerInvariant() switch
            {
                null or "" => KubeProxyMode.Default,
                "iptables" => KubeProxyMode.Iptables,
                "ipvs" => KubeProxyMode.Ipvs,
                "nftables" => KubeProxyMode.Nftables,
                "userspace" => KubeProxyMode.Userspace,
                _ => KubeProxyMode.Unknown,
            },
            ClusterCidrText = cidr?.Value,
            ClusterCidrs = CidrList(cidr?.Value),
            ClusterCidrSource = cidr?.Source,
            MasqueradeAll = IsTrue(s.Get("iptables.masqueradeAll")),
            BindAddress = IPAddress.TryParse(s.Get("bindAddress"), out var bind) ? bind : null,
            HostnameOverride = NullIfEmpty(s.Get("hostnameOverride")),
            ConfigFile = s.ConfigFile,
            IpvsScheduler = NullIfEmpty(s.Get("ipvs.scheduler")),
            IpvsStrictArp = s.Get("ipvs.strictARP") is { } arp ? IsTrue(arp) : null,
        };
    }

    public static ApiServerSettings ApiServer(ComponentSettings s)
    {
        var range = s.Settings.GetValueOrDefault("service-cluster-ip-range");
        return new ApiServerSettings
        {
            Source = s.Source,
            Node = s.Node,
            ServiceClusterIpRangeText = range?.Value,
            ServiceClusterIpRanges = CidrList(range?.Value),
            ServiceClusterIpRangeSource = range?.Source,
            AdvertiseAddress = IPAddress.TryParse(s.Get("advertise-address"), out var adv) ? adv : null,
            SecurePort = int.TryParse(s.Get("secure-port"), NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null,
            AuthorizationModes = (s.Get("authorization-mode") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
    }

    public static CalicoNodeSettings CalicoNode(ComponentSettings s)
    {
        var pool = s.Get("CALICO_IPV4POOL_CIDR");
        return new CalicoNodeSettings
        {
            Source = s.Source,
            Node = s.Node,
            IpAutodetectionMethod = s.Get("IP_AUTODETECTION_METHOD"),
            Ip = s.Get("IP"),
            Ip6 = s.Get("IP6"),
            Ipv4PoolCidrText = pool,
            Ipv4PoolCidr = Cidr.TryParse(pool, out var c) ? c : null,
            Ipv4PoolIpip = s.Get("CALICO_IPV4POOL_IPIP"),
            Ipv4PoolVxlan = s.Get("CALICO_IPV4POOL_VXLAN"),
            NodeName = s.Get("NODENAME"),
            DatastoreType = s.Get("DATASTORE_TYPE"),
            CalicoNetworkingBackend = s.Get("CALICO_NETWORKING_BACKEND"),
        };
    }

    /// <summary>Comma-separated CIDRs (dual-stack "10.244.0.0/16,fd00:10:244::/56"); unparseable parts are left out.</summary>
    public static IReadOnlyList<Cidr> CidrList(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => Cidr.TryParse(t, out var c) ? c : (Cidr?)null).OfType<Cidr>().ToList();

    private static bool IsTrue(string? text) => string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
