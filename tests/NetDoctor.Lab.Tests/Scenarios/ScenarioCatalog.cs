namespace NetDoctor.Lab.Tests.Scenarios;

/// <summary>Every scenario by sample name.</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyDictionary<string, Func<Scenario>> All { get; } = new Dictionary<string, Func<Scenario>>
    {
        ["incident-000-ippool-overlap"] = () => new Incident000IpPoolOverlap(),
        ["incident-001-bgp-stray-interface"] = () => new Incident001BgpStrayInterface(),
        ["incident-002-profile-drop-all"] = () => new Incident002ProfileDropAll(),
        ["incident-003-no-default-route"] = () => new Incident003NoDefaultRoute(),
        ["incident-004-kube-proxy-no-cluster-cidr"] = () => new Incident004KubeProxyNoClusterCidr(),
        ["healthy-calico-ipip"] = () => new HealthyCalico(),
        ["healthy-kube-proxy-ipvs"] = () => new HealthyKubeProxyIpvs(),
    };
}
