using NetDoctor.Collectors.Parsers.ClusterConfig;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Sniffing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.ClusterConfig;

public class ClusterConfigParserTests
{
    private static ParseResult Parse(IFormatParser parser, string file) =>
        parser.Parse(ParserFixture.Input("ClusterConfig", file, "cluster/" + file));

    private static string Describe(ParseResult r) =>
        string.Join("; ", r.Facts.OfType<ClusterNetwork>().Select(n => $"{n.Role} {string.Join(",", n.Cidrs)} @{n.Source.Line} {n.Origin}"));

    [Fact]
    public void Kubeadm_init_file_gives_the_networks_and_endpoint_at_their_lines()
    {
        var result = Parse(new KubeadmConfigParser(), "kubeadm-init-v1beta4.yaml");

        result.Problems.ShouldBeEmpty();
        Describe(result).ShouldBe(
            "Pods 10.244.0.0/24 @56 kubeadm ClusterConfiguration networking.podSubnet; " +
            "Services 10.96.0.0/16 @55 kubeadm ClusterConfiguration networking.serviceSubnet");
        var endpoint = result.Facts.OfType<ControlPlaneEndpoint>().ShouldHaveSingleItem();
        (endpoint.Host, endpoint.Port, endpoint.Source.Line).ShouldBe(("10.100.0.1", (int?)6443, 59));
        // The embedded kube-proxy and kubelet documents are read as their components' configurations.
        result.Facts.OfType<ComponentSettings>().Select(s => s.Component).ShouldBe([ComponentKind.Kubelet, ComponentKind.KubeProxy], ignoreOrder: true);
    }

    [Fact]
    public void Kubeadm_config_map_pasted_with_its_prompt_keeps_file_lines()
    {
        var result = Parse(new KubeadmConfigParser(), "kubeadm-config-configmap.txt");

        result.Problems.ShouldBeEmpty();
        Describe(result).ShouldBe(
            "Pods 10.244.0.0/24 @28 kubeadm ClusterConfiguration networking.podSubnet; " +
            "Services 10.96.0.0/16 @29 kubeadm ClusterConfiguration networking.serviceSubnet");
        result.Facts.OfType<ControlPlaneEndpoint>().ShouldHaveSingleItem().Source.Line.ShouldBe(15);
    }

    [Fact]
    public void Kubeadm_v1beta4_extra_args_list_overrides_count_as_networks()
    {
        const string text = """
            apiVersion: kubeadm.k8s.io/v1beta4
            kind: ClusterConfiguration
            controllerManager:
              extraArgs:
              - name: cluster-cidr
                value: 10.32.0.0/12
            apiServer:
              extraArgs:
                service-cluster-ip-range: not-a-cidr
            """;
        var result = new KubeadmConfigParser().Parse(new ParseInput("kubeadm.yaml", null, text));

        Describe(result).ShouldBe("Pods 10.32.0.0/12 @6 kubeadm ClusterConfiguration controllerManager.extraArgs cluster-cidr");
        result.Problems.ShouldHaveSingleItem().Source.Line.ShouldBe(9);
    }

    [Fact]
    public void Kops_completed_spec_gives_every_range_and_kube_proxy_settings()
    {
        var result = Parse(new KopsClusterParser(), "kops-cluster-completed.spec");

        result.Problems.ShouldBeEmpty();
        Describe(result).ShouldBe(
            "Pods 100.96.0.0/11 @163 kops spec.podCIDR; Services 100.64.0.0/13 @165 kops spec.serviceClusterIPRange; " +
            "NonMasquerade 100.64.0.0/10 @162 kops spec.nonMasqueradeCIDR; Pods 100.96.0.0/11 @91 kops spec.kubeControllerManager.clusterCIDR; " +
            "Services 100.64.0.0/13 @85 kops spec.kubeAPIServer.serviceClusterIPRange");
        var proxy = result.Facts.OfType<ComponentSettings>().ShouldHaveSingleItem();
        proxy.Component.ShouldBe(ComponentKind.KubeProxy);
        proxy.Get("clusterCIDR").ShouldBe("100.96.0.0/11");
        proxy.Settings["clusterCIDR"].Source.Line.ShouldBe(114);
        result.Facts.OfType<ControlPlaneEndpoint>().ShouldHaveSingleItem().Host.ShouldBe("api.minimal.example.com");
    }

    [Fact]
    public void Rke2_dual_stack_config_gives_both_families()
    {
        var result = Parse(new K3sConfigParser(), "rke2-config-dual-stack.yaml");

        result.Problems.ShouldBeEmpty();
        Describe(result).ShouldBe(
            "Pods 10.42.0.0/16,2001:cafe:42::/56 @2 k3s/RKE2 config cluster-cidr; " +
            "Services 10.43.0.0/16,2001:cafe:43::/112 @3 k3s/RKE2 config service-cidr");
    }

    [Fact]
    public void K3s_server_config_without_networks_gives_nothing_and_no_problem()
    {
        var result = Parse(new K3sConfigParser(), "k3s-config-server.yaml");

        result.Facts.ShouldBeEmpty();
        result.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void K3s_agent_server_url_and_passed_flags()
    {
        const string text = """
            $ sudo cat /etc/rancher/k3s/config.yaml
            server: https://k3s.example.com:6443
            kube-controller-manager-arg:
              - "cluster-cidr=10.200.0.0/16"
            """;
        var result = new K3sConfigParser().Parse(new ParseInput("paste.txt", null, text));

        result.Problems.ShouldBeEmpty();
        Describe(result).ShouldBe("Pods 10.200.0.0/16 @4 k3s/RKE2 config kube-controller-manager-arg cluster-cidr");
        var endpoint = result.Facts.OfType<ControlPlaneEndpoint>().ShouldHaveSingleItem();
        (endpoint.Host, endpoint.Port, endpoint.Source.Line).ShouldBe(("k3s.example.com", (int?)6443, 2));
    }

    [Theory]
    [InlineData("kubeadm-init-v1beta4.yaml", "kubeadm-config")]
    [InlineData("kubeadm-config-configmap.txt", "kubeadm-config")]
    [InlineData("kops-cluster-completed.spec", "kops-cluster")]
    [InlineData("rke2-config-dual-stack.yaml", "k3s-config")]
    [InlineData("k3s-config-server.yaml", "k3s-config")]
    public void Recognised_by_content_under_any_name(string file, string kind)
    {
        var text = ParserFixture.Text("ClusterConfig", file);

        var result = new FormatSniffer().Sniff("pasted/paste-1.txt", FormatSniffer.Head(text));

        result.Match?.Kind.ShouldBe(kind, result.DescribeCandidates(5));
    }
}
