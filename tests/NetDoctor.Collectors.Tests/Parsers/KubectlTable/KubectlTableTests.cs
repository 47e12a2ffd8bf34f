using System.Net;
using NetDoctor.Collectors.Parsers.KubectlPrinted;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.KubectlTable;

/// <summary>`kubectl get` tables as pasted in public reports (Fixtures/README.md), read into the kubectl YAML reader's fact types.</summary>
public class KubectlTableTests
{
    private static ParseResult Parse(string file) => new KubectlPrintedParser().Parse(ParserFixture.Input("KubectlTable", file, "paste-1.txt"));

    private static IPAddress Ip(string text) => IPAddress.Parse(text);

    [Fact]
    public void Nodes_wide_give_internal_addresses_and_readiness_at_their_rows()
    {
        var result = Parse("nodes-wide-minikube-calico.txt");

        result.Problems.ShouldBeEmpty();
        var nodes = result.Facts.OfType<KubeNode>().ToList();
        nodes.Select(n => (n.Name, n.Source.Line, n.Ready)).ShouldBe([("minikube", 3, (bool?)true), ("minikube-m02", 4, true), ("minikube-m03", 5, true)]);
        nodes[1].InternalIps.ShouldBe([Ip("172.16.30.7")]);
        nodes[1].ExternalIps.ShouldBeEmpty();
        nodes.ShouldAllBe(n => n.Node == null && n.Source.File == "paste-1.txt");
    }

    [Fact]
    public void Nodes_wide_with_the_k_alias_and_multi_word_cells()
    {
        var result = Parse("nodes-wide-windows.txt");

        result.Problems.ShouldBeEmpty();
        var windows = result.Facts.OfType<KubeNode>().Single(n => n.Name == "cw2-ptmtr-nwbvs");
        (windows.Source.Line, windows.InternalIps.Single(), windows.ExternalIps.Single()).ShouldBe((7, Ip("10.12.12.157"), Ip("10.12.12.157")));
        result.Facts.OfType<KubeNode>().Count().ShouldBe(6);
    }

    [Fact]
    public void Pods_of_all_namespaces_with_restarts_ago_and_host_network_pods_told_apart()
    {
        var result = Parse("pods-A-wide-minikube-calico.txt");

        result.Problems.ShouldBeEmpty();
        var pods = result.Facts.OfType<KubePod>().ToDictionary(p => p.Name);
        pods.Count.ShouldBe(13);
        var node = pods["calico-node-gqvw6"];
        (node.Namespace, node.NodeName, node.Source.Line, node.Restarts, node.Phase).ShouldBe(("kube-system", "minikube-m02", 4, 1, "Running"));
        node.PodIps.ShouldBe([Ip("172.16.30.7")]);
        node.Containers.Single().Ready.ShouldBeTrue();
        // calico-node shares its address with kube-proxy on the same node: both are in the host's network.
        node.HostNetwork.ShouldBeTrue();
        pods["etcd-minikube"].HostNetwork.ShouldBeTrue();
        pods["coredns-64897985d-58btq"].HostNetwork.ShouldBeFalse();
        pods["calico-kube-controllers-8594699699-dztlm"].PodIps.ShouldBe([Ip("10.88.0.3")]);
    }

    [Fact]
    public void A_crash_looping_controller_in_a_wide_table_then_a_narrow_one()
    {
        var result = Parse("pods-wide-crashloop-then-narrow.txt");

        result.Problems.ShouldBeEmpty();
        var controllers = result.Facts.OfType<KubePod>().Where(p => p.Name == "calico-kube-controllers-544658cf79-fprvm").ToList();
        controllers.Select(p => p.Source.Line).ShouldBe([3, 11]);
        var wide = controllers[0];
        (wide.Namespace, wide.NodeName, wide.Restarts, wide.Phase).ShouldBe(("kube-system", "k8s-node-102", 42, "Running"));
        var container = wide.Containers.Single();
        (container.Ready, container.CrashLooping).ShouldBe((false, true));
        controllers[1].Namespace.ShouldBe("kube-system"); // from "-nkube-system"
        controllers[1].PodIps.ShouldBeEmpty();
    }

    [Fact]
    public void Get_all_names_carry_their_kind_and_a_blank_line_after_the_command()
    {
        var result = Parse("all-A-wide-crashloop.txt");

        result.Problems.ShouldBeEmpty();
        var pods = result.Facts.OfType<KubePod>().ToList();
        pods.Count.ShouldBe(7);
        pods[0].ShouldSatisfyAllConditions(
            p => p.Name.ShouldBe("calico-kube-controllers-8575b76f66-57zw4"),
            p => p.Restarts.ShouldBe(327),
            p => p.Source.Line.ShouldBe(4));
    }

    [Fact]
    public void Services_wide_with_a_hand_edited_header_and_a_cut_line()
    {
        var result = Parse("svc-A-wide-cut.txt");

        result.Problems.ShouldBeEmpty();
        var svc = result.Facts.OfType<KubeService>().Single();
        (svc.Namespace, svc.Name, svc.Type, svc.ClusterIp, svc.Source.Line).ShouldBe(("default", "apiserver", "ClusterIP", Ip("10.104.226.127"), 4));
        svc.Ports.Select(p => (p.Port, p.Protocol, p.NodePort)).ShouldBe([(8001, "TCP", (int?)null), (5001, "TCP", null)]);
        svc.Selector.ShouldBe(new Dictionary<string, string> { ["app"] = "apiserver" });
    }

    [Fact]
    public void Endpoints_indented_as_markdown_code_and_none_ready()
    {
        var result = Parse("endpoints-A-k3os.txt");

        result.Problems.ShouldBeEmpty();
        var eps = result.Facts.OfType<KubeEndpoints>().ToDictionary(e => e.ServiceName);
        eps.Count.ShouldBe(10);
        eps["kube-dns"].Addresses.ShouldBe([Ip("10.42.0.18")]);
        eps["kube-dns"].Ports.Select(p => p.Port).ShouldBe([53, 9153]);
        eps["kubernetes"].ShouldSatisfyAllConditions(e => e.Namespace.ShouldBe("default"), e => e.Source.Line.ShouldBe(3));
        eps["rancher.io-local-path"].Empty.ShouldBeTrue();
    }

    [Fact]
    public void Kubectl_1_2_tables_with_underscored_columns_and_no_type()
    {
        var result = Parse("svc-endpoints-k8s-1.2.txt");

        result.Problems.ShouldBeEmpty();
        var kubernetes = result.Facts.OfType<KubeService>().Single(s => s.Name == "kubernetes");
        (kubernetes.Type, kubernetes.ClusterIp, kubernetes.Namespace).ShouldBe(("ClusterIP", Ip("10.0.0.1"), "default"));
        kubernetes.Selector.ShouldBeEmpty();
        result.Facts.OfType<KubeService>().Single(s => s.Name == "rc-default").Selector["name"].ShouldBe("rc-default");
        result.Facts.OfType<KubeEndpoints>().Count().ShouldBe(9);
        result.Facts.OfType<KubeEndpoints>().Single(e => e.ServiceName == "kubernetes").Addresses.ShouldBe([Ip("10.240.0.2")]);
    }

    [Fact]
    public void Nodes_without_an_internal_ip_column_and_a_node_port_service()
    {
        var result = Parse("nodes-svc-iks.txt");

        result.Problems.ShouldBeEmpty();
        var node = result.Facts.OfType<KubeNode>().First();
        (node.Name, node.InternalIps.Any(), node.ExternalIps.Single()).ShouldBe(("10.176.239.136", false, Ip("169.47.252.83")));
        var gitlab = result.Facts.OfType<KubeService>().Single();
        (gitlab.Type, gitlab.Source.Line).ShouldBe(("NodePort", 8));
        gitlab.Ports.Select(p => (p.Port, p.NodePort)).ShouldBe([(80, (int?)30080), (22, 30022)]);
    }

    [Fact]
    public void A_whole_terminal_session_with_prompts_glued_to_commands_and_empty_answers()
    {
        var result = Parse("kind-session.txt");

        result.Problems.ShouldBeEmpty();
        result.Facts.OfType<KubeNode>().Select(n => (n.Source.Line, n.InternalIps.Count())).ShouldBe([(3, 0), (6, 1)]);
        result.Facts.OfType<KubePod>().Count(p => p.Namespace == "kube-system").ShouldBe(8);
        var nginx = result.Facts.OfType<KubePod>().Single(p => p.Name == "nginx");
        (nginx.Namespace, nginx.NodeName, nginx.PodIps.Single(), nginx.Source.Line).ShouldBe(("default", "kind-control-plane", Ip("10.244.0.5"), 24));
    }

    [Fact]
    public void A_row_that_does_not_fit_and_a_truncated_endpoint_list_are_reported_where_they_are()
    {
        // Laid out as kubectl's tab writer does: each column three blanks wider than its widest cell.
        const string cut = "10.244.0.2:53,10.244.0.3:53,10.244.0.2:9153 + 3 more...";
        string text = "$ kubectl get ep -n kube-system\n" +
                      "NAME".PadRight(11) + "ENDPOINTS".PadRight(cut.Length + 3) + "AGE\n" +
                      "kube-dns".PadRight(11) + cut + "   20d\n" +
                      "this line   is   not   a   row   of   that table\n";

        var result = new KubectlPrintedParser().Parse(new ParseInput("ep.txt", null, text));

        result.Problems.Select(p => p.Source.Line).ShouldBe([3, 4]);
        result.Problems[0].Message.ShouldContain("3 more were cut");
        var dns = result.Facts.OfType<KubeEndpoints>().Single();
        (dns.Namespace, dns.Addresses.Count, dns.Source.Line).ShouldBe(("kube-system", 2, 3));
    }

    [Fact]
    public void A_table_whose_kind_nothing_tells_is_reported()
    {
        var result = new KubectlPrintedParser().Parse(new ParseInput("t.txt", null, "NAME    AGE\nfoo     3d\n"));

        result.Problems.ShouldContain(p => p.Source.Line == 1 && p.Message.Contains("cannot tell which resource"));
        result.Facts.ShouldBeEmpty();
    }

    [Fact]
    public void Incident_000_retyped_with_a_header_typo_and_a_glued_row()
    {
        var result = Parse("seed-000-calico-system-pods.txt");

        result.Problems.ShouldBeEmpty();
        var pods = result.Facts.OfType<KubePod>().ToList();
        pods.Count.ShouldBe(9);
        pods.ShouldAllBe(p => p.Namespace == "calico-system");
        // "REDAY" is READY; the write-up glued the controller's name to its status, and the name is read as written.
        var controller = pods[0];
        (controller.Name, controller.Restarts, controller.Containers.Single().Ready).ShouldBe(("calico-kube-controllers-596576f79-j2pkgRunning", 3, false));
        pods.Single(p => p.Name == "csi-node-driver-6wkcb").Containers.Count.ShouldBe(2);
    }

    [Fact]
    public void Incident_004_the_kubernetes_service_of_the_service_cidr()
    {
        var svc = Parse("seed-004-services.txt").Facts.OfType<KubeService>().Single();

        (svc.Namespace, svc.Name, svc.ClusterIp, svc.Source.Line).ShouldBe(("default", "kubernetes", Ip("10.20.0.1"), 3));
    }
}
