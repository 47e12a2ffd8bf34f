using System.Net;
using NetDoctor.Collectors.Components;
using NetDoctor.Collectors.Parsers.KubeProxyConfig;
using NetDoctor.Collectors.Parsers.Kubectl;
using NetDoctor.Collectors.Parsers.Processes;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Parsers;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Components;

public class ComponentSettingsMergerTests
{
    private static IReadOnlyList<Fact> Facts(IFormatParser parser, string format, string file, string path, string? node) =>
        parser.Parse(ParserFixture.Input(format, file, path, node)).Facts;

    private static ComponentSettings Flags(string node, string line, int? pid = 1) =>
        (ComponentSettings)new ProcessListParser().Parse(new ParseInput($"{node}/processes.txt", node, line)).Facts.Single() with { Pid = pid };

    [Fact]
    public void Flags_win_over_the_config_file_they_name()
    {
        var config = Facts(new ComponentConfigParser(), "KubeProxyConfig", "kube-proxy-config.yaml", "n1/kube-proxy-config.yaml", "n1");
        var flags = Flags("n1", "kube-proxy --config=/var/lib/kube-proxy/config.conf --cluster-cidr=10.244.0.0/16 --proxy-mode iptables");

        var merged = ComponentSettingsMerger.Merge([.. config, flags]);

        var settings = merged.OfType<ComponentSettings>().Single();
        settings.Merged.ShouldBeTrue();
        settings.Node.ShouldBe("n1");
        settings.Settings["clusterCIDR"].Origin.ShouldBe(SettingOrigin.Flag);
        settings.Settings["mode"].Value.ShouldBe("iptables");
        settings.Settings["ipvs.scheduler"].Origin.ShouldBe(SettingOrigin.ConfigFile);
        settings.Settings.ContainsKey("cluster-cidr").ShouldBeFalse();

        var proxy = merged.OfType<KubeProxySettings>().Single();
        proxy.Mode.ShouldBe(KubeProxyMode.Iptables);
        proxy.ClusterCidrs.ShouldBe([Cidr.Parse("10.244.0.0/16")]);
        proxy.ClusterCidrSource.ShouldBe(new Source("n1/processes.txt", 1));
        proxy.BindAddress.ShouldBe(IPAddress.Any);
        proxy.IpvsScheduler.ShouldBe("rr");
        proxy.ConfigFile.ShouldBe("/var/lib/kube-proxy/config.conf");
        proxy.Node.ShouldBe("n1");
    }

    [Fact]
    public void Incident_004_no_cluster_cidr_anywhere()
    {
        var flags = new ProcessListParser().Parse(ParserFixture.Input("Processes", "ps-auxww-004.txt", "node-a/processes.txt", "node-a")).Facts;

        var proxy = ComponentSettingsMerger.Merge(flags).OfType<KubeProxySettings>().Single();

        proxy.Mode.ShouldBe(KubeProxyMode.Ipvs);
        proxy.HasClusterCidr.ShouldBeFalse();
        proxy.ClusterCidrText.ShouldBeNull();
        proxy.MasqueradeAll.ShouldBeFalse();
        proxy.HostnameOverride.ShouldBe("10.19.136.10");
    }

    [Fact]
    public void Config_file_empty_cluster_cidr_is_set_but_empty()
    {
        var config = Facts(new ComponentConfigParser(), "KubeProxyConfig", "kube-proxy-config.yaml", "n1/kube-proxy-config.yaml", "n1");

        var proxy = ComponentSettingsMerger.Merge(config).OfType<KubeProxySettings>().Single();

        proxy.ClusterCidrText.ShouldBe("");
        proxy.HasClusterCidr.ShouldBeFalse();
        proxy.ClusterCidrSource!.Value.Line.ShouldBe(9);
    }

    [Fact]
    public void Without_config_flag_the_cluster_configmap_is_ignored()
    {
        var configMap = Facts(new ComponentConfigParser(), "KubeProxyConfig", "kube-proxy-configmap.yaml", "cluster/kubernetes/configmaps.yaml", null);
        var withConfig = Flags("n1", "kube-proxy --config=/var/lib/kube-proxy/config.conf");
        var withoutConfig = Flags("n2", "kube-proxy --proxy-mode=ipvs");

        var proxies = ComponentSettingsMerger.Merge([.. configMap, withConfig, withoutConfig]).OfType<KubeProxySettings>().ToDictionary(p => p.Node!);

        proxies["n1"].ClusterCidrs.ShouldBe([Cidr.Parse("10.20.0.0/16")]);
        proxies["n1"].ClusterCidrSource!.Value.File.ShouldBe("cluster/kubernetes/configmaps.yaml");
        proxies["n2"].HasClusterCidr.ShouldBeFalse();
        proxies["n2"].Mode.ShouldBe(KubeProxyMode.Ipvs);
    }

    [Fact]
    public void A_running_process_wins_over_the_pod_spec_and_dual_stack_cidrs_parse()
    {
        var podSpec = Flags("n1", "kube-proxy --cluster-cidr=10.0.0.0/8", pid: null);
        var process = Flags("n1", "kube-proxy --cluster-cidr=10.244.0.0/16,fd00:10:244::/56 --masquerade-all", pid: 42);

        var proxy = ComponentSettingsMerger.Merge([process, podSpec]).OfType<KubeProxySettings>().Single();

        proxy.ClusterCidrs.ShouldBe([Cidr.Parse("10.244.0.0/16"), Cidr.Parse("fd00:10:244::/56")]);
        proxy.MasqueradeAll.ShouldBeTrue();
    }

    [Fact]
    public void Apiserver_and_calico_node_typed_settings()
    {
        var apiserver = Facts(new KubectlParser(), "Kubectl", "kube-apiserver.yaml", "admin/kube-apiserver.yaml", "admin");
        var pods = Facts(new KubectlParser(), "Kubectl", "pods.yaml", "cluster/kubernetes/pods.yaml", null);

        var merged = ComponentSettingsMerger.Merge([.. apiserver, .. pods]);

        var api = merged.OfType<ApiServerSettings>().Single();
        api.ServiceClusterIpRanges.ShouldBe([Cidr.Parse("10.96.0.0/12")]);
        api.KubernetesServiceIp.ShouldBe(IPAddress.Parse("10.96.0.1"));
        api.AdvertiseAddress.ShouldBe(IPAddress.Parse("192.168.56.3"));
        api.SecurePort.ShouldBe(6443);
        api.AuthorizationModes.ShouldBe(["Node", "RBAC"]);
        api.ServiceClusterIpRangeSource.ShouldBe(new Source("admin/kube-apiserver.yaml", 23));

        var calico = merged.OfType<CalicoNodeSettings>().Single();
        calico.Node.ShouldBe("node2");
        calico.Ipv4PoolCidr.ShouldBe(Cidr.Parse("10.10.0.0/16"));
        calico.Ip.ShouldBe("autodetect");
        calico.IpAutodetectionMethod.ShouldBeNull();
        calico.UsesFirstFound.ShouldBeTrue();
        calico.CalicoNetworkingBackend.ShouldBe("bird");

        merged.OfType<KubeProxySettings>().Single().Node.ShouldBe("k8s-node1");
    }

    [Fact]
    public void Merged_input_is_not_merged_again_and_other_facts_are_ignored()
    {
        var flags = Flags("n1", "kube-proxy --proxy-mode=ipvs");
        var once = ComponentSettingsMerger.Merge([flags]);

        ComponentSettingsMerger.Merge(once).ShouldBeEmpty();
        ComponentSettingsMerger.Merge([]).ShouldBeEmpty();
    }
}
