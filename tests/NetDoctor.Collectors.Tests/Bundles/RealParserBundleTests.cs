using System.Net;
using NetDoctor.Collectors.Bundles;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Bundles;

/// <summary>The bundle fixtures (real command outputs from the incidents) read with the real parser catalog.</summary>
public class RealParserBundleTests
{
    private static string Fixture(params string[] parts) => FixturePath.Path(["Bundles", "Fixtures", .. parts]);

    [Fact]
    public void NetDoctor_layout_gives_typed_facts_with_nodes_and_sources()
    {
        var facts = BundleReader.Read([Fixture("netdoctor")]);

        facts.Problems.ShouldBeEmpty();
        var route = facts.OfType<Route>().Single(r => r.Node == "k8s01" && r.IsDefault);
        route.Gateway.ShouldBe(IPAddress.Parse("192.168.21.1"));
        route.Source.ShouldBe(new Source("k8s01/ip-route.txt", 1));
        facts.OfType<Route>().ShouldContain(r => r.Node == "k8s02" && r.Source == new Source("k8s02/ip-route.txt", 2));
        facts.OfType<InterfaceAddress>().ShouldContain(a => a.Node == "k8s01" && a.Interface == "ens192" && a.Address == Cidr.Parse("192.168.21.10/24"));
        facts.OfType<IpSetMember>().ShouldContain(m => m.Node == "k8s01" && m.Set == "cali40all-ipam-pools" && m.Cidr == Cidr.Parse("192.168.0.0/16"));
        facts.OfType<IptablesRule>().ShouldContain(r => r.Node == "k8s01" && r.Chain == "cali-nat-outgoing" && r.Source == new Source("k8s01/iptables-nft-save.txt", 11));
        var pool = facts.OfType<IpPool>().Single();
        pool.Node.ShouldBeNull();
        pool.Cidr.ShouldBe(Cidr.Parse("192.168.0.0/16"));
        pool.Source.File.ShouldBe("cluster/crd/ippools.crd.projectcalico.org.yaml");
        facts.OfType<KubeNode>().Select(n => n.Name).Order().ShouldBe(["k8s01", "k8s02"]);
        facts.OfType<KubeNode>().ShouldAllBe(n => n.Node == null);
        facts.OfType<BgpPeer>().ShouldContain(p => p.Node == "k8s02" && p.PeerAddress.Equals(IPAddress.Parse("192.168.21.10")));
        facts.OfType<LogEvent>().ShouldContain(e => e.Node == "k8s01" && e.Target != null && e.Target.Equals(IPAddress.Parse("10.96.0.1")));
    }

    [Fact]
    public void Files_parsed_in_parallel_are_merged_in_the_order_the_bundle_lists_them()
    {
        static List<string> Read() => BundleReader.Read([Fixture("netdoctor")]) is var f
            ? f.Facts.Select(x => $"{x.Source} {x.Summary}").Concat(f.Files.Select(x => x.Path)).ToList()
            : [];

        var first = Read();
        first.Count.ShouldBeGreaterThan(30);
        for (int i = 0; i < 5; i++) Read().ShouldBe(first);
        // Within a file, facts keep their line order.
        BundleReader.Read([Fixture("netdoctor")]).OfType<IptablesRule>().Where(r => r.Source.File == "k8s01/iptables-nft-save.txt")
            .Select(r => r.Source.Line).ShouldBeInOrder();
    }

    [Fact]
    public void An_interface_listed_by_ip_addr_and_ip_link_is_one_fact_from_the_link_listing()
    {
        // Real `ip -j addr` and `ip link` of the lab's node "admin" (samples/incident-003), in one node folder.
        var facts = BundleReader.Read([Fixture("links")]);

        var links = facts.OfType<NetworkLink>().ToList();
        links.Count.ShouldBe(links.Select(l => l.Name).Distinct().Count());
        links.Select(l => l.Name).ShouldContain("enp0s3");
        links.ShouldAllBe(l => l.Source.File.EndsWith("ip-link.txt"));
        facts.OfType<InterfaceAddress>().ShouldContain(a => a.Interface == "enp0s8" && a.Source.File.EndsWith("ip-addr.json"));
    }

    [Fact]
    public void Calicoctl_node_diags_gives_the_node_of_its_hostname_file()
    {
        var facts = BundleReader.Read([Fixture("node-diags")]);

        facts.Problems.ShouldBeEmpty();
        facts.Inputs.Single().Nodes.ShouldBe(["k8s02"]);
        facts.OfType<InterfaceAddress>().ShouldContain(a => a.Node == "k8s02" && a.Interface == "stray0" && a.Address == Cidr.Parse("192.188.1.1/24") && a.Source == new Source("ipv4_addr", 8));
        facts.OfType<Route>().ShouldContain(r => r.Node == "k8s02" && r.Destination == Cidr.Parse("10.253.65.64/26"));
        facts.OfType<IptablesRule>().ShouldContain(r => r.Node == "k8s02" && r.Chain == "FORWARD");
        facts.OfType<IpSetMember>().ShouldContain(m => m.Node == "k8s02" && m.Cidr == Cidr.Parse("10.253.0.0/16"));
    }

    [Fact]
    public void Calicoctl_cluster_diags_and_loose_files_read_cleanly_except_what_nobody_can_parse()
    {
        var facts = BundleReader.Read([Fixture("cluster-diags"), Fixture("loose", "k8s03")]);

        facts.OfType<Route>().ShouldContain(r => r.Node == "k8s01" && r.Source.File == "nodes/k8s01/ip-route.txt");
        facts.OfType<Route>().ShouldContain(r => r.Node == "k8s03" && r.Source.File == "routes-from-k8s03.txt");
        facts.OfType<Route>().ShouldContain(r => r.Node == "k8s03" && r.Source.File == "what-i-saw.txt");
        facts.Problems.Select(p => p.Source.File).Order().ShouldBe(["core.dump", "notes.md"]);
        facts.Nodes.ShouldBe(["k8s01", "k8s03"]);
    }

    [Fact]
    public void Kube_proxy_flags_and_config_file_of_a_node_are_merged_with_flags_winning()
    {
        using var dir = new TempDir();
        dir.File("manifest.yaml", "tool: {name: netdoctor}\n");
        dir.File("k8s01/processes.txt",
            "UID          PID    PPID  C STIME TTY          TIME CMD\n" +
            "root        3001    2990  0 09:59 ?        00:00:05 /usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --cluster-cidr=10.244.0.0/16\n");
        dir.File("k8s01/kube-proxy-config.yaml",
            "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nclusterCIDR: \"\"\nmode: ipvs\n");

        var facts = BundleReader.Read([dir.Path]);

        facts.Problems.ShouldBeEmpty();
        var settings = facts.OfType<KubeProxySettings>().Single();
        settings.Node.ShouldBe("k8s01");
        settings.Mode.ShouldBe(KubeProxyMode.Ipvs);
        settings.ClusterCidrs.ShouldBe([Cidr.Parse("10.244.0.0/16")]);
    }
}
