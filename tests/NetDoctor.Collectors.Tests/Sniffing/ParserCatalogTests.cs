using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Sniffing;

namespace NetDoctor.Collectors.Tests.Sniffing;

public class ParserCatalogTests
{
    [Fact]
    public void Every_format_parser_in_the_collectors_assembly_is_in_the_catalog()
    {
        var implementations = typeof(ParserCatalog).Assembly.GetTypes()
            .Where(t => typeof(IFormatParser).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .ToList();
        var listed = ParserCatalog.All.Select(e => e.Parser.GetType()).ToHashSet();

        implementations.ShouldNotBeEmpty();
        implementations.Where(t => !listed.Contains(t)).Select(t => t.FullName).ShouldBeEmpty();
    }

    [Fact]
    public void Kinds_are_unique_and_only_cluster_object_listings_are_cluster_scoped()
    {
        ParserCatalog.All.Select(e => e.Kind).ShouldBeUnique();
        ParserCatalog.All.Where(e => e.Scope == FactScope.Cluster).Select(e => e.Kind).ShouldBe(["calicoctl-get", "calico-v1-node", "kubeadm-config", "kops-cluster", "k3s-config", "kubectl-objects", "kubectl-printed"]);
    }

    [Fact]
    public void The_documented_bundle_file_names_are_claimed_with_certainty()
    {
        var sniffer = new FormatSniffer();
        (string Path, string Kind)[] documented =
        [
            ("k8s01/ip-route.txt", "ip-route"), ("k8s01/ip-rule.txt", "ip-rule"), ("k8s01/ip-link.txt", "ip-link"), ("k8s01/ip-addr.txt", "ip-addr"),
            ("k8s01/iptables-nft-save.txt", "iptables-save"), ("k8s01/iptables-legacy-save.txt", "iptables-save"), ("k8s01/ipset-list.txt", "ipset-list"),
            ("k8s01/bird-protocols.txt", "bird-protocols"), ("k8s01/calico-node-status.txt", "calico-node-status"), ("k8s01/ipvsadm.txt", "ipvsadm"),
            ("k8s01/processes.txt", "processes"), ("k8s01/kube-proxy-config.yaml", "component-config"), ("k8s01/sysctl.txt", "sysctl"),
            ("cluster/crd/ippools.crd.projectcalico.org.yaml", "kubectl-objects"), ("cluster/kubernetes/nodes.yaml", "kubectl-objects"),
            ("k8s01/kube-system/calico-node-7kvkf.log", "container-log"),
            ("k8s01/ip-addr.json", "ip-addr-json"), ("k8s01/ip6tables-save.txt", "iptables-save"), ("k8s01/iptables-save.txt", "iptables-save"),
            ("k8s01/bird6-protocols.txt", "bird-protocols"),
        ];

        foreach (var (path, kind) in documented)
        {
            var result = sniffer.Sniff(path, "");
            (path, result.Match?.Kind).ShouldBe((path, kind == "calico-node-status" ? "calicoctl-node-status" : kind));
        }
    }

    [Fact]
    public void Ipv6_routes_written_by_the_collector_are_recognised_by_content()
    {
        var result = new FormatSniffer().Sniff("k8s01/ip-route-v6.txt",
            "::1 dev lo proto kernel metric 256 pref medium\nfe80::/64 dev eth0 proto kernel metric 256 pref medium\ndefault via fe80::1 dev eth0 proto ra metric 1024 expires 1798sec hoplimit 64 pref medium\n");

        result.Match?.Kind.ShouldBe("ip-route");
    }
}
