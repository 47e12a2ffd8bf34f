using System.Net;
using NetDoctor.Engine;
using NetDoctor.Facts;
using NetDoctor.Packs.Diagnoses;
using NetDoctor.Rules.Calico.Facts;
using NetDoctor.Rules.Calico.Tests.Support;

namespace NetDoctor.Rules.Calico.Tests;

/// <summary>The C# rule calico/bgp-peer-address-mismatch and its two helpers, on the facts of incident 001.</summary>
public sealed class BgpPeerAddressMismatchTests
{
    private const string RuleId = "calico/bgp-peer-address-mismatch";
    private static readonly ISessionFactory Factory = new RuleCompiler().Compile(CalicoCSharpPack.Rules());

    [Fact]
    public void Mesh_peer_on_a_stray_interface_of_another_node_is_diagnosed_on_that_node()
    {
        var result = Run(
            Peer("k8s01", "192.188.1.1", BgpSessionState.Connect),
            Peer("k8s01", "10.2.7.202", BgpSessionState.Established),
            Address("k8s02", "eth0", "10.2.7.201/24"),
            Address("k8s02", "ens256", "192.188.1.1/24"),
            Node("k8s01", "10.2.7.200"),
            Node("k8s02", "10.2.7.201"));

        var diagnosis = result.ShouldHaveSingleItem();
        diagnosis.Node.ShouldBe("k8s02");
        diagnosis.Message.ShouldContain("uses BGP address 192.188.1.1 (interface ens256 on k8s02), which is not its Kubernetes InternalIP 10.2.7.201");
        diagnosis.Message.ShouldContain("the BGP session from k8s01 to 192.188.1.1 is not Established");
        diagnosis.Evidence.ShouldContain(e => e.Type == "BgpPeer" && e.Source == "k8s01/bird-protocols.txt:7");
        diagnosis.Remediation.Select(r => r.Command).ShouldBe([
            "kubectl set env daemonset/calico-node -n kube-system IP_AUTODETECTION_METHOD=kubernetes-internal-ip",
            "kubectl set env daemonset/calico-node -n kube-system IP_AUTODETECTION_METHOD=interface=eth0",
            "ip link delete ens256",
            "calicoctl patch node k8s02 -p '{\"spec\":{\"bgp\":{\"ipv4Address\":\"10.2.7.201/24\"}}}'",
            "kubectl delete pod -n kube-system -l k8s-app=calico-node --field-selector spec.nodeName=k8s02",
            "calicoctl node status",
        ]);
    }

    [Fact]
    public void Calico_node_resource_with_a_foreign_bgp_address_is_diagnosed_alone()
    {
        var result = Run(
            new CalicoNode { Source = Src("cluster/crd/nodes.crd.projectcalico.org.yaml", 14), Name = "k8s02", Ipv4Address = Cidr.Parse("192.188.1.1/24") },
            Node("k8s02", "10.2.7.201"));

        var diagnosis = result.ShouldHaveSingleItem();
        diagnosis.Message.ShouldContain("Calico Node k8s02 has spec.bgp.ipv4Address 192.188.1.1/24");
        diagnosis.Severity.ShouldBe(NetDoctor.Engine.RuleSeverity.Error);
    }

    [Fact]
    public void Operator_managed_calico_is_pinned_through_the_installation_resource()
    {
        var result = Run(
            new CalicoNode { Source = Src("cluster/crd/nodes.crd.projectcalico.org.yaml", 14), Name = "k8s02", Ipv4Address = Cidr.Parse("192.188.1.1/24") },
            Node("k8s02", "10.2.7.201"),
            new KubePod { Source = Src("cluster/kubernetes/pods.yaml", 3), Namespace = "calico-system", Name = "calico-node-x7k2p", NodeName = "k8s02" });

        var steps = result.ShouldHaveSingleItem().Remediation.Select(r => r.Command).ToList();
        steps[0].ShouldStartWith("kubectl patch installation.operator.tigera.io default");
        steps.ShouldContain("kubectl delete pod -n calico-system calico-node-x7k2p");
    }

    [Fact]
    public void Peers_on_their_kubernetes_addresses_are_not_diagnosed_even_when_a_session_is_down()
    {
        var result = Run(
            Peer("k8s01", "10.2.7.201", BgpSessionState.Active),
            Address("k8s02", "eth0", "10.2.7.201/24"),
            Node("k8s02", "10.2.7.201"),
            new CalicoNode { Source = Src("cluster/crd/nodes.crd.projectcalico.org.yaml", 14), Name = "k8s02", Ipv4Address = Cidr.Parse("10.2.7.201/24") });

        result.ShouldBeEmpty();
    }

    [Fact]
    public void An_established_session_to_an_extra_address_is_not_a_mismatch()
    {
        var result = Run(
            Peer("k8s01", "192.188.1.1", BgpSessionState.Established),
            Address("k8s02", "ens256", "192.188.1.1/24"),
            Node("k8s02", "10.2.7.201"));

        result.ShouldBeEmpty();
    }

    [Fact]
    public void Helper_rules_derive_one_finding_per_observation()
    {
        var session = Factory.CreateSession();
        session.InsertAll([
            Peer("k8s01", "192.188.1.1", BgpSessionState.Connect),
            Address("k8s02", "ens256", "192.188.1.1/24"),
            Node("k8s02", "10.2.7.201"),
            new CalicoNode { Source = Src("cluster/crd/nodes.crd.projectcalico.org.yaml", 14), Name = "k8s02", Ipv4Address = Cidr.Parse("192.188.1.1/24") },
        ]);
        session.Fire();

        var findings = session.Query<WrongBgpAddress>().ToList();
        findings.Select(f => session.Explain(f)!.Rule.Name).Order().ShouldBe(["calico/bgp-address-not-kubernetes-address", "calico/bgp-peer-on-stray-interface"]);
        findings.ShouldAllBe(f => f.AffectedNode == "k8s02");
        findings.Single(f => f.ObservedBy == "k8s01").Interface.ShouldBe("ens256");
    }

    [Fact]
    public void Incident_001_sample_yields_one_diagnosis_for_k8s02()
    {
        var result = PackRun.Default.RunBundle(Path.Combine(RepoPaths.Samples, "incident-001-bgp-stray-interface")).Of(RuleId);

        var diagnosis = result.ShouldHaveSingleItem();
        diagnosis.Node.ShouldBe("k8s02");
        diagnosis.Remediation.ShouldContain(r => r.Command == "ip link delete ens256");
    }

    [Fact]
    public void Healthy_sample_has_no_mismatch()
    {
        PackRun.Default.RunBundle(Path.Combine(RepoPaths.Samples, "healthy-calico-ipip")).Of(RuleId).ShouldBeEmpty();
    }

    private static IReadOnlyList<Diagnosis> Run(params Fact[] facts)
    {
        var session = Factory.CreateSession();
        session.InsertAll(facts);
        session.Fire();
        return session.Query<Diagnosis>().Where(d => d.RuleId == RuleId).ToList();
    }

    private static Source Src(string file, int line) => new(file, line);

    private static BgpPeer Peer(string node, string address, BgpSessionState state) => new()
    {
        Source = Src($"{node}/bird-protocols.txt", 7),
        Node = node,
        PeerAddress = IPAddress.Parse(address),
        PeerType = BgpPeerType.NodeMesh,
        State = state,
        ProtocolStateText = state == BgpSessionState.Established ? "up" : "start",
        Info = state.ToString(),
    };

    private static InterfaceAddress Address(string node, string device, string cidr) => new()
    {
        Source = Src($"{node}/ip-addr.txt", 9),
        Node = node,
        Interface = device,
        Address = Cidr.Parse(cidr),
    };

    private static KubeNode Node(string name, string internalIp) => new()
    {
        Source = Src("cluster/kubernetes/nodes.yaml", 3),
        Name = name,
        Addresses = [new KubeNodeAddress("InternalIP", internalIp)],
    };
}
