using System.Net;
using NetDoctor.Collectors.Parsers.Kubectl;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.Kubectl;

/// <summary>Calico resources as CRDs (kubectl), as projectcalico.org/v3 (calicoctl), as JSON, and in the old v1 API.</summary>
public class KubectlCalicoTests
{
    private readonly KubectlParser _parser = new();

    private ParseResult Parse(string file, string path) => _parser.Parse(ParserFixture.Input("Kubectl", file, path));

    [Fact]
    public void Crd_ippool_list_of_incident_000()
    {
        var result = Parse("ippools.crd.projectcalico.org.yaml", "cluster/crd/ippools.crd.projectcalico.org.yaml");

        result.Problems.ShouldBeEmpty();
        var pools = result.Facts.OfType<IpPool>().ToList();
        pools.Count.ShouldBe(2);
        var pool = pools[0];
        pool.Name.ShouldBe("default-ipv4-ippool");
        pool.Cidr.ShouldBe(Cidr.Parse("192.168.0.0/16"));
        pool.IpipMode.ShouldBe(CalicoEncapsulation.Always);
        pool.VxlanMode.ShouldBe(CalicoEncapsulation.Never);
        pool.NatOutgoing.ShouldBeTrue();
        pool.Disabled.ShouldBeFalse();
        pool.BlockSize.ShouldBe(26);
        pool.NodeSelector.ShouldBe("all()");
        pool.Node.ShouldBeNull();
        pool.Source.ShouldBe(new Source("cluster/crd/ippools.crd.projectcalico.org.yaml", 3));
        pool.Summary.ShouldBe("default-ipv4-ippool 192.168.0.0/16 natOutgoing");

        pools[1].Disabled.ShouldBeTrue();
        pools[1].IpipMode.ShouldBe(CalicoEncapsulation.CrossSubnet);
        pools[1].BlockSize.ShouldBe(24);
        pools[1].Source.Line.ShouldBe(23);
    }

    [Fact]
    public void Calicoctl_v3_and_crd_forms_give_the_same_pool()
    {
        var v3 = Parse("ippools-calicoctl.yaml", "cluster/calico/ippools.yaml").Facts.OfType<IpPool>().Single();
        var crd = Parse("ippools.crd.projectcalico.org.yaml", "cluster/crd/ippools.crd.projectcalico.org.yaml").Facts.OfType<IpPool>().First();

        (v3 with { Source = crd.Source }).ShouldBe(crd);
        v3.Source.Line.ShouldBe(3);
    }

    [Fact]
    public void Json_list_gives_the_same_facts_with_line_numbers()
    {
        var result = Parse("ippools.json", "cluster/crd/ippools.crd.projectcalico.org.json");

        result.Problems.ShouldBeEmpty();
        var pools = result.Facts.OfType<IpPool>().ToList();
        pools[0].Cidr.ShouldBe(Cidr.Parse("192.168.0.0/16"));
        pools[0].NatOutgoing.ShouldBeTrue();
        pools[0].Source.Line.ShouldBe(4);
        pools[1].Cidr.ShouldBe(Cidr.Parse("fd00:10:244::/48"));
        pools[1].VxlanMode.ShouldBe(CalicoEncapsulation.Always);
        pools[1].BlockSize.ShouldBe(122);
        pools[1].Source.Line.ShouldBe(23);
    }

    [Fact]
    public void Calico_nodes_keep_host_bits_of_their_bgp_address()
    {
        var result = Parse("calico-nodes.yaml", "cluster/calico/nodes.yaml");

        var nodes = result.Facts.OfType<CalicoNode>().ToList();
        nodes[0].Name.ShouldBe("k8s01");
        nodes[0].Ipv4Address.ShouldBe(Cidr.Parse("10.2.7.200/24"));
        nodes[0].Ipv4Address!.Value.Address.ShouldBe(IPAddress.Parse("10.2.7.200"));
        nodes[0].Ipv4IpipTunnelAddr.ShouldBe(IPAddress.Parse("10.253.181.1"));
        nodes[0].KubernetesNodeName.ShouldBe("k8s01");
        nodes[0].Source.Line.ShouldBe(3);

        var k8s02 = nodes[1];
        k8s02.Ipv4Address.ShouldBe(Cidr.Parse("192.188.1.1/24"));
        k8s02.Ipv6Address.ShouldBe(Cidr.Parse("fd00:2::201/64"));
        k8s02.AsNumber.ShouldBe(64512);
        k8s02.Ipv4VxlanTunnelAddr.ShouldBe(IPAddress.Parse("10.253.65.70"));
        k8s02.Addresses.Select(a => (a.Address, a.Type)).ShouldBe([("192.188.1.1/24", "CalicoNodeIP"), ("10.2.7.201", "InternalIP")]);
        k8s02.Addresses[1].Cidr.ShouldBe(Cidr.Parse("10.2.7.201/32"));
        k8s02.Source.Line.ShouldBe(21);
    }

    [Fact]
    public void Bgp_configuration_peers_felix_and_profiles()
    {
        var result = Parse("calico-bgp-felix.yaml", "cluster/crd/misc.yaml");
        result.Problems.ShouldBeEmpty();

        var config = result.Facts.OfType<CalicoBgpConfiguration>().Single();
        config.NodeToNodeMeshEnabled.ShouldBe(false);
        config.MeshEnabled.ShouldBeFalse();
        config.AsNumber.ShouldBe(64512);
        config.ServiceClusterIps.ShouldBe([Cidr.Parse("10.96.0.0/12")]);
        config.Source.Line.ShouldBe(1);

        var peers = result.Facts.OfType<CalicoBgpPeer>().ToList();
        peers[0].PeerIp.ShouldBe(IPAddress.Parse("10.2.7.254"));
        peers[0].PeerIpText.ShouldBe("10.2.7.254:179");
        peers[0].AsNumber.ShouldBe(64513);
        peers[0].NodeSelector.ShouldBe("rack == 'rack-1'");
        peers[0].IsGlobal.ShouldBeFalse();
        peers[0].Source.Line.ShouldBe(12);
        peers[1].PeerIp.ShouldBe(IPAddress.Parse("fd00:2::1"));
        peers[1].PeerNode.ShouldBe("k8s02");

        var felix = result.Facts.OfType<FelixConfiguration>().Single();
        felix.IptablesBackend.ShouldBe("NFT");
        felix.BpfEnabled.ShouldBe(false);
        felix.Raw["healthPort"].ShouldBe("9099");
        felix.Raw["routeTableRange.max"].ShouldBe("250");
        felix.Source.Line.ShouldBe(30);

        var profiles = result.Facts.OfType<CalicoProfile>().ToList();
        profiles[0].Name.ShouldBe("kns.kube-system");
        profiles[0].IngressActions.ShouldBe(["Allow"]);
        profiles[0].AllowsEgress.ShouldBeTrue();
        profiles[0].LabelsToApply["pcns.projectcalico.org/name"].ShouldBe("kube-system");
        profiles[1].Name.ShouldBe("kns.empty");
        profiles[1].IngressRuleCount.ShouldBe(0);
        profiles[1].Source.Line.ShouldBe(62);
    }

    [Fact]
    public void Old_calicoctl_v1_profile_of_incident_002()
    {
        var result = Parse("profile-v1.yaml", "cluster/calico/profiles.yaml");

        result.Problems.ShouldBeEmpty();
        var profile = result.Facts.OfType<CalicoProfile>().ShouldHaveSingleItem();
        profile.Name.ShouldBe("k8s_ns.default");
        profile.IngressActions.ShouldBe(["allow"]);
        profile.AllowsIngress.ShouldBeTrue();
        profile.EgressRuleCount.ShouldBe(1);
        profile.Source.Line.ShouldBe(1);
    }

    [Fact]
    public void Old_calicoctl_v1_ip_pool()
    {
        var text = "apiVersion: v1\nkind: ipPool\nmetadata:\n  cidr: 192.168.0.0/16\nspec:\n  ipip:\n    enabled: true\n    mode: cross-subnet\n  nat-outgoing: true\n";
        var pool = _parser.Parse(new ParseInput("p.yaml", null, text)).Facts.OfType<IpPool>().Single();

        pool.Cidr.ShouldBe(Cidr.Parse("192.168.0.0/16"));
        pool.IpipMode.ShouldBe(CalicoEncapsulation.CrossSubnet);
        pool.NatOutgoing.ShouldBeTrue();
    }

    [Fact]
    public void Calicoctl_v1_get_prints_a_bare_sequence_of_resources_and_each_is_read()
    {
        // `calicoctl get ipPool -o yaml` of Calico 2.x: no List wrapper, a YAML sequence at the top.
        var text = "- apiVersion: v1\n  kind: ipPool\n  metadata:\n    cidr: 172.20.0.0/16\n  spec:\n    nat-outgoing: true\n" +
                   "- apiVersion: v1\n  kind: ipPool\n  metadata:\n    cidr: 10.100.0.0/16\n  spec:\n    ipip:\n      enabled: true\n      mode: always\n";
        var result = _parser.Parse(new ParseInput("pools.yaml", null, text));

        result.Problems.ShouldBeEmpty();
        result.Facts.OfType<IpPool>().Select(p => (p.Name, p.NatOutgoing, p.IpipMode, p.Source.Line))
            .ShouldBe([("172.20.0.0/16", true, CalicoEncapsulation.Never, 1), ("10.100.0.0/16", false, CalicoEncapsulation.Always, 7)]);
    }

    [Fact]
    public void A_sequence_of_things_that_are_not_objects_is_still_a_problem()
    {
        var result = _parser.Parse(new ParseInput("list.yaml", null, "- a\n- b\n"));
        result.Facts.ShouldBeEmpty();
        result.Problems.ShouldHaveSingleItem().Message.ShouldContain("not a mapping");
    }

    [Fact]
    public void Pool_without_a_valid_cidr_is_a_problem_at_its_line()
    {
        var text = "apiVersion: projectcalico.org/v3\nkind: IPPool\nmetadata:\n  name: bad\nspec:\n  cidr: 192.168.0/16\n";
        var result = _parser.Parse(new ParseInput("p.yaml", null, text));

        result.Facts.ShouldBeEmpty();
        result.Problems.ShouldHaveSingleItem().ToString().ShouldStartWith("p.yaml:1: IPPool bad has no valid spec.cidr");
    }
}
