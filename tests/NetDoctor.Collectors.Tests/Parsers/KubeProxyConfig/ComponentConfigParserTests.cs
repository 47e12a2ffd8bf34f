using NetDoctor.Collectors.Parsers.KubeProxyConfig;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.KubeProxyConfig;

public class ComponentConfigParserTests
{
    private readonly ComponentConfigParser _parser = new();

    [Fact]
    public void Kube_proxy_configuration_flattened_with_lines()
    {
        var result = _parser.Parse(ParserFixture.Input("KubeProxyConfig", "kube-proxy-config.yaml", "n1/kube-proxy-config.yaml", "n1"));

        result.Problems.ShouldBeEmpty();
        var settings = result.Facts.OfType<ComponentSettings>().ShouldHaveSingleItem();
        settings.Component.ShouldBe(ComponentKind.KubeProxy);
        settings.Node.ShouldBe("n1");
        settings.Get("clusterCIDR").ShouldBe("");
        settings.Settings["clusterCIDR"].Source.Line.ShouldBe(9);
        settings.Settings["clusterCIDR"].Origin.ShouldBe(SettingOrigin.ConfigFile);
        settings.Get("mode").ShouldBe("ipvs");
        settings.Get("iptables.masqueradeAll").ShouldBe("false");
        settings.Get("ipvs.scheduler").ShouldBe("rr");
        settings.Get("ipvs.excludeCIDRs").ShouldBe("");
        settings.Get("clientConnection.kubeconfig").ShouldBe("/var/lib/kube-proxy/kubeconfig.conf");
        settings.Get("nodePortAddresses").ShouldBe("10.19.0.0/16");
        settings.Settings["nodePortAddresses"].Source.Line.ShouldBe(30);
        settings.Settings.ContainsKey("kind").ShouldBeFalse();
    }

    [Fact]
    public void Configuration_embedded_in_the_kube_proxy_configmap_keeps_file_lines()
    {
        var result = _parser.Parse(ParserFixture.Input("KubeProxyConfig", "kube-proxy-configmap.yaml", "cluster/kubernetes/kube-proxy-configmap.yaml"));

        result.Problems.ShouldBeEmpty();
        var settings = result.Facts.OfType<ComponentSettings>().ShouldHaveSingleItem();
        settings.Node.ShouldBeNull();
        settings.Get("clusterCIDR").ShouldBe("10.20.0.0/16");
        settings.Settings["clusterCIDR"].Source.ShouldBe(new Source("cluster/kubernetes/kube-proxy-configmap.yaml", 8));
        settings.Settings["mode"].Source.Line.ShouldBe(10);
        settings.Get("iptables.masqueradeAll").ShouldBe("false");
        settings.Source.Line.ShouldBe(3);
    }

    [Fact]
    public void Other_objects_are_problems()
    {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\ndata:\n  Corefile: |\n    .:53 {\n    }\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n";
        var result = _parser.Parse(new ParseInput("x.yaml", null, text));

        result.Facts.ShouldBeEmpty();
        result.Problems.Select(p => p.Source.Line).ShouldBe([1, 10]);
    }

    [Theory]
    [InlineData("n1/kube-proxy-config.yaml", "", 100)]
    [InlineData("config.conf", "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n", 95)]
    [InlineData("cm.yaml", "apiVersion: v1\ndata:\n  config.conf: |-\n    kind: KubeProxyConfiguration\nkind: ConfigMap\n", 97)]
    public void Sniffs(string name, string head, int expected) => _parser.Sniff(name, head).ShouldBe(expected);
}
