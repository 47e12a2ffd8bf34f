using NetDoctor.Lab.Tests.Lab.Calico;
using NetDoctor.Lab.Tests.Lab.KubeProxy;

namespace NetDoctor.Lab.Tests.LabLibrary;

/// <summary>The lab names things the way Calico and kube-proxy do; these need no root.</summary>
public sealed class NamingTests
{
    [Fact]
    public void Service_chain_name_is_the_one_kube_proxy_gives_default_kubernetes_https()
    {
        // KUBE-SVC-NPX46M4PTMTKRN6Y is the chain of default/kubernetes:https on every real iptables-mode cluster.
        new ServicePort("default", "kubernetes", "https", "10.96.0.1", 443, [("192.168.21.11", 6443)])
            .ServiceChain.ShouldBe("KUBE-SVC-NPX46M4PTMTKRN6Y");
    }

    [Fact]
    public void Endpoint_chains_differ_per_endpoint_and_fit_iptables_chain_names()
    {
        var svc = new ServicePort("default", "kubernetes", "https", "10.96.0.1", 443, [("10.0.0.1", 6443), ("10.0.0.2", 6443)]);
        var a = svc.EndpointChain(svc.Endpoints[0]);
        a.ShouldStartWith("KUBE-SEP-");
        a.Length.ShouldBe(25);
        a.ShouldNotBe(svc.EndpointChain(svc.Endpoints[1]));
    }

    [Fact]
    public void Workload_interface_is_cali_plus_eleven_hex_digits()
    {
        var name = RuleIds.InterfaceFor("default", "web-1");
        name.ShouldMatch("^cali[0-9a-f]{11}$");
        name.Length.ShouldBe(15); // IFNAMSIZ - 1
    }

    [Fact]
    public void Mesh_protocol_is_named_after_the_peer_address()
    {
        BirdConfig.ProtocolName("10.2.7.200").ShouldBe("Mesh_10_2_7_200");
        var config = new BirdConfig("192.188.1.1", ["10.2.7.200"], ["10.253.65.64/26"], ["10.253.0.0/16"]).Render();
        config.ShouldContain("router id 192.188.1.1;");
        config.ShouldContain("protocol bgp Mesh_10_2_7_200 from bgp_template");
        config.ShouldContain("source address 192.188.1.1;");
        config.ShouldContain("route 10.253.65.64/26 blackhole;");
    }
}
