using NetDoctor.Facts;

namespace NetDoctor.Collectors.Components;

/// <summary>
/// The flag that sets the same thing as a config-file field, per component. Merged settings are keyed by the config-file
/// name so one setting has one entry whichever way it was given; flags with no config field keep their own name.
/// </summary>
public static class FlagConfigNames
{
    private static readonly Dictionary<string, string> KubeProxy = new(StringComparer.Ordinal)
    {
        ["cluster-cidr"] = "clusterCIDR",
        ["proxy-mode"] = "mode",
        ["masquerade-all"] = "iptables.masqueradeAll",
        ["iptables-masquerade-bit"] = "iptables.masqueradeBit",
        ["bind-address"] = "bindAddress",
        ["hostname-override"] = "hostnameOverride",
        ["healthz-bind-address"] = "healthzBindAddress",
        ["metrics-bind-address"] = "metricsBindAddress",
        ["kubeconfig"] = "clientConnection.kubeconfig",
        ["nodeport-addresses"] = "nodePortAddresses",
        ["ipvs-scheduler"] = "ipvs.scheduler",
        ["ipvs-strict-arp"] = "ipvs.strictARP",
        ["ipvs-exclude-cidrs"] = "ipvs.excludeCIDRs",
        ["conntrack-max-per-core"] = "conntrack.maxPerCore",
        ["feature-gates"] = "featureGates",
    };

    private static readonly Dictionary<string, string> Kubelet = new(StringComparer.Ordinal)
    {
        ["cluster-dns"] = "clusterDNS",
        ["cluster-domain"] = "clusterDomain",
        ["pod-cidr"] = "podCIDR",
        ["max-pods"] = "maxPods",
        ["cgroup-driver"] = "cgroupDriver",
        ["resolv-conf"] = "resolvConf",
        ["hairpin-mode"] = "hairpinMode",
        ["address"] = "address",
        ["feature-gates"] = "featureGates",
    };

    /// <summary>The config-file key a flag maps to, or the flag name itself when the component has no such field.</summary>
    public static string Canonical(ComponentKind component, string flag) => component switch
    {
        ComponentKind.KubeProxy when KubeProxy.TryGetValue(flag, out var key) => key,
        ComponentKind.Kubelet when Kubelet.TryGetValue(flag, out var key) => key,
        _ => flag,
    };
}
