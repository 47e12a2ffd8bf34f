using NetDoctor.Collectors.Sniffing;

namespace NetDoctor.Collectors.Tests.Parsers.Kubectl;

/// <summary>
/// Every fixture of the cluster, BGP, IPVS, component and log formats, pasted into a file whose name says nothing,
/// is given to the right parser by content alone, against every other parser of the catalog.
/// </summary>
public class LooseFileSniffingTests
{
    private readonly FormatSniffer _sniffer = new();

    [Theory]
    [InlineData("Bird", "bird-protocols-10.2.7.200.txt", "bird-protocols")]
    [InlineData("Bird", "bird-protocols-all-10.2.7.201.txt", "bird-protocols")]
    [InlineData("Bird", "bird6-protocols-fd00_2__200.txt", "bird-protocols")]
    [InlineData("CalicoctlStatus", "k8s01.txt", "calicoctl-node-status")]
    [InlineData("CalicoctlStatus", "k8s02-before.txt", "calicoctl-node-status")]
    [InlineData("Ipvsadm", "ipvsadm-Sn-004.txt", "ipvsadm")]
    [InlineData("Ipvsadm", "ipvsadm-Ln-004.txt", "ipvsadm")]
    [InlineData("Kubectl", "ippools.crd.projectcalico.org.yaml", "kubectl-objects")]
    [InlineData("Kubectl", "ippools.json", "kubectl-objects")]
    [InlineData("Kubectl", "core.json", "kubectl-objects")]
    [InlineData("Kubectl", "nodes.yaml", "kubectl-objects")]
    [InlineData("Kubectl", "pods.yaml", "kubectl-objects")]
    [InlineData("Kubectl", "services-endpoints.yaml", "kubectl-objects")]
    [InlineData("Kubectl", "rbac.yaml", "kubectl-objects")]
    [InlineData("Kubectl", "kube-apiserver.yaml", "kubectl-objects")]
    [InlineData("Kubectl", "profile-v1.yaml", "kubectl-objects")]
    [InlineData("Kubectl", "calico-bgp-felix.yaml", "kubectl-objects")]
    [InlineData("Processes", "ps-ef-apiserver-003.txt", "processes")]
    [InlineData("Processes", "ps-auxww-004.txt", "processes")]
    [InlineData("Processes", "cmdline-nul.txt", "processes")]
    [InlineData("Processes", "real-ps-ef.txt", "processes")]
    [InlineData("KubeProxyConfig", "kube-proxy-config.yaml", "component-config")]
    [InlineData("KubeProxyConfig", "kube-proxy-configmap.yaml", "component-config")]
    [InlineData("Logs", "calico-node-7kvkf.log", "container-log")]
    [InlineData("Logs", "calico-policy-controller.log", "container-log")]
    [InlineData("Logs", "controllers-rbac.previous.log", "container-log")]
    [InlineData("Logs", "coredns-errors.log", "container-log")]
    public void Pasted_fixture_is_recognised_by_content(string format, string file, string expectedKind)
    {
        var result = _sniffer.Sniff("pasted/output.txt", FormatSniffer.Head(ParserFixture.Text(format, file)));

        result.Match.ShouldNotBeNull(result.DescribeCandidates());
        result.Match.Kind.ShouldBe(expectedKind, result.DescribeCandidates());
    }
}
