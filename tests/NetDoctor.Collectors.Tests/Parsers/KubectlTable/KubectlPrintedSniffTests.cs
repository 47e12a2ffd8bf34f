using NetDoctor.Collectors.Sniffing;
using NetDoctor.Collectors.Tests.Robustness;

namespace NetDoctor.Collectors.Tests.Parsers.KubectlTable;

/// <summary>Every pasted kubectl table and describe block is recognised by its content with the real catalog, whatever its name.</summary>
public class KubectlPrintedSniffTests
{
    [Theory]
    [InlineData("KubectlTable", "nodes-wide-minikube-calico.txt")]
    [InlineData("KubectlTable", "pods-A-wide-minikube-calico.txt")]
    [InlineData("KubectlTable", "nodes-wide-windows.txt")]
    [InlineData("KubectlTable", "pods-wide-crashloop-then-narrow.txt")]
    [InlineData("KubectlTable", "all-A-wide-crashloop.txt")]
    [InlineData("KubectlTable", "svc-A-wide-cut.txt")]
    [InlineData("KubectlTable", "endpoints-A-k3os.txt")]
    [InlineData("KubectlTable", "svc-endpoints-k8s-1.2.txt")]
    [InlineData("KubectlTable", "nodes-svc-iks.txt")]
    [InlineData("KubectlTable", "kind-session.txt")]
    [InlineData("KubectlDescribe", "describe-node-kind.txt")]
    [InlineData("KubectlDescribe", "describe-pod-nginx.txt")]
    [InlineData("KubectlDescribe", "pods-then-describe-kube-proxy.txt")]
    [InlineData("KubectlDescribe", "describe-nodes-grep-podcidr.txt")]
    [InlineData("KubectlDescribe", "describe-pod-calico-node-bold.txt")]
    [InlineData("KubectlDescribe", "describe-pod-calico-node-restarting.txt")]
    [InlineData("KubectlDescribe", "events-only-calico-node.txt")]
    public void Is_recognised_by_content_under_a_pasted_name(string format, string fixture)
    {
        var result = new FormatSniffer().Sniff("paste-3.txt", FormatSniffer.Head(FixtureFiles.Parser(format, fixture)));

        (fixture, result.Match?.Kind).ShouldBe((fixture, "kubectl-printed"), result.DescribeCandidates(5));
    }

    [Fact]
    public void The_table_calicoctl_cluster_diags_writes_when_no_yaml_is_beside_it()
    {
        const string nodes = "NAME    STATUS   ROLES           AGE   VERSION   INTERNAL-IP\nk8s01   Ready    control-plane   48m   v1.28.2   192.168.21.10\n";

        new FormatSniffer().Sniff("cluster/kubernetes/nodes.txt", nodes).Match?.Kind.ShouldBe("kubectl-printed");
    }
}
