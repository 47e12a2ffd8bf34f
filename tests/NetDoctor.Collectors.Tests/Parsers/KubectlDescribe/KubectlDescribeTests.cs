using System.Net;
using NetDoctor.Collectors.Parsers.KubectlPrinted;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.KubectlDescribe;

/// <summary>`kubectl describe node|pod|service` blocks as pasted in public reports (Fixtures/README.md).</summary>
public class KubectlDescribeTests
{
    private static ParseResult Parse(string file) => new KubectlPrintedParser().Parse(ParserFixture.Input("KubectlDescribe", file, "describe.txt"));

    [Fact]
    public void Describe_node_gives_addresses_pod_cidrs_readiness_and_events()
    {
        var result = Parse("describe-node-kind.txt");

        result.Problems.ShouldBeEmpty();
        var node = result.Facts.OfType<KubeNode>().Single();
        (node.Name, node.Source.Line, node.Ready).ShouldBe(("kind-control-plane", 2, (bool?)true));
        node.InternalIps.ShouldBe([IPAddress.Parse("172.18.0.2")]);
        node.Addresses.Select(a => a.Type).ShouldBe(["InternalIP", "Hostname"]);
        node.PodCidrs.ShouldBe([Cidr.Parse("10.244.0.0/24")]);
        node.Labels["kubernetes.io/hostname"].ShouldBe("kind-control-plane");
        var events = result.Facts.OfType<KubeEvent>().ToList();
        events.Count.ShouldBe(10);
        events[1].ShouldSatisfyAllConditions(
            e => (e.ObjectKind, e.ObjectName, e.Reason, e.Count, e.Age, e.From).ShouldBe(("Node", "kind-control-plane", "NodeHasSufficientMemory", 8, "2m17s", "kubelet")),
            e => e.Source.Line.ShouldBe(84));
        events[0].Message.ShouldBeEmpty();
    }

    [Fact]
    public void Describe_pod_gives_node_addresses_containers_and_events()
    {
        var result = Parse("describe-pod-nginx.txt");

        result.Problems.ShouldBeEmpty();
        var pod = result.Facts.OfType<KubePod>().Single();
        (pod.Namespace, pod.Name, pod.NodeName, pod.HostIp, pod.Phase, pod.Source.Line).ShouldBe(("default", "nginx", "k8s-m02", IPAddress.Parse("192.168.177.28"), "Running", 2));
        pod.PodIps.ShouldBe([IPAddress.Parse("10.244.1.6")]);
        pod.HostNetwork.ShouldBeFalse();
        pod.Labels.Keys.ShouldBe(["new-label", "run"]);
        var c = pod.Containers.Single();
        (c.Name, c.Ready, c.RestartCount, c.State).ShouldBe(("nginx", true, 0, "running"));
        result.Facts.OfType<KubeEvent>().Select(e => e.Reason).ShouldBe(["Scheduled", "Pulling", "Pulled", "Created", "Started"]);
    }

    [Fact]
    public void A_table_and_a_describe_in_one_paste_with_a_host_network_pod_and_its_last_termination()
    {
        var result = Parse("pods-then-describe-kube-proxy.txt");

        result.Problems.ShouldBeEmpty();
        var pods = result.Facts.OfType<KubePod>().ToList();
        pods.Count.ShouldBe(8);
        pods.Where(p => p.Name.StartsWith("coredns")).ShouldAllBe(p => p.Phase == "Pending" && p.NodeName == null && p.PodIps.Count == 0);
        var described = pods.Single(p => p.Source.Line == 13);
        (described.Name, described.ServiceAccount, described.Owner, described.HostNetwork).ShouldBe(("kube-proxy-p4jmn", "kube-proxy", "DaemonSet/kube-proxy", true));
        var c = described.Containers.Single();
        (c.RestartCount, c.LastTerminationReason, c.LastExitCode).ShouldBe((1, "Unknown", (int?)255));
        result.Facts.OfType<KubeEvent>().ShouldBeEmpty();
    }

    [Fact]
    public void Describe_nodes_filtered_through_grep_still_gives_each_pod_cidr()
    {
        var result = Parse("describe-nodes-grep-podcidr.txt");

        result.Problems.ShouldBeEmpty();
        result.Facts.OfType<KubeNode>().Select(n => (n.Name, n.PodCidrs.Single().ToString(), n.Source.Line))
            .ShouldBe([("minikube", "10.244.0.0/24", 2), ("minikube-m02", "10.244.1.0/24", 6), ("minikube-m03", "10.244.2.0/24", 10)]);
    }

    [Fact]
    public void Markdown_damage_in_a_paste_is_reported_at_its_lines_and_the_rest_is_read()
    {
        var result = Parse("describe-pod-calico-node-bold.txt");

        result.Problems.Select(p => p.Source.Line).ShouldBe([15, 18]);
        var pod = result.Facts.OfType<KubePod>().Single();
        (pod.Name, pod.ServiceAccount, pod.NodeName, pod.PodIps.Single()).ShouldBe(("calico-node-lj6f5", "calico-node", "cp-tp888", IPAddress.Parse("10.14.100.21")));
        pod.Phase.ShouldBeNull();
    }

    [Fact]
    public void A_restarting_calico_node_that_is_not_ready()
    {
        var result = Parse("describe-pod-calico-node-restarting.txt");

        result.Problems.ShouldBeEmpty();
        var pod = result.Facts.OfType<KubePod>().Single();
        pod.HostNetwork.ShouldBeTrue();
        var c = pod.Containers.Single();
        (c.Name, c.Ready, c.RestartCount, c.LastTerminationReason).ShouldBe(("calico-node", false, 17, "Completed"));
    }

    [Fact]
    public void Events_pasted_on_their_own_are_read_and_say_what_is_missing()
    {
        var result = Parse("events-only-calico-node.txt");

        result.Problems.Single().Source.Line.ShouldBe(1);
        result.Facts.OfType<KubeEvent>().Select(e => (e.Reason, e.Count, e.Source.Line, e.IsWarning)).ShouldBe([("Unhealthy", 26725, 4, true), ("BackOff", 42070, 5, true)]);
    }

    [Fact]
    public void An_event_showing_a_failed_dial_is_also_a_log_event_on_the_pod_node()
    {
        // The message kubelet records when the CNI plugin cannot reach the API server (incident 003).
        const string text = "Name:         coredns-6d4b75cb6d-jddfp\nNamespace:    kube-system\nNode:         admin/192.168.56.3\nStatus:       Pending\n" +
                            "Events:\n  Type     Reason                  Age   From     Message\n  ----     ------                  ----  ----     -------\n" +
                            "  Warning  FailedCreatePodSandBox  2m    kubelet  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox: plugin type=\"calico\" failed (add): error getting ClusterInformation: Get \"https://10.96.0.1:443/apis/crd.projectcalico.org/v1/clusterinformations/default\": dial tcp 10.96.0.1:443: connect: network is unreachable\n";

        var result = new KubectlPrintedParser().Parse(new ParseInput("describe.txt", null, text));

        result.Problems.ShouldBeEmpty();
        var dial = result.Facts.OfType<LogEvent>().Single();
        (dial.Node, dial.Component, dial.Pod, dial.TargetEndpoint, dial.FailureKind, dial.Source.Line)
            .ShouldBe(("admin", "kubelet", "coredns-6d4b75cb6d-jddfp", "10.96.0.1:443", ConnectFailureKind.Unreachable, 8));
    }

    [Fact]
    public void Describe_service_gives_the_cluster_ip_ports_and_endpoints()
    {
        var result = Parse("describe-service-kubernetes-172-21.txt");

        result.Problems.ShouldBeEmpty(); // "No events." is old kubectl's empty event list
        var service = result.Facts.OfType<KubeService>().ShouldHaveSingleItem();
        (service.Namespace, service.Name, service.Type, service.ClusterIp, service.Headless, service.Source.Line)
            .ShouldBe(("default", "kubernetes", "ClusterIP", IPAddress.Parse("172.21.0.1"), false, 2));
        service.Ports.ShouldBe([new KubeServicePort("https", "TCP", 443, null, null)]);
        service.Selector.ShouldBeEmpty();
        var endpoints = result.Facts.OfType<KubeEndpoints>().ShouldHaveSingleItem();
        (endpoints.ServiceName, endpoints.Source.Line).ShouldBe(("kubernetes", 2));
        endpoints.Addresses.ShouldBe([IPAddress.Parse("10.0.0.6")]);
        endpoints.Ports.ShouldBe([new KubeEndpointPort("https", 6443, "TCP")]);
    }

    [Fact]
    public void Describe_services_reads_every_block_and_every_port_of_a_node_port_service()
    {
        var result = Parse("describe-services-two-nodeport.txt");

        result.Problems.ShouldBeEmpty();
        var services = result.Facts.OfType<KubeService>().ToList();
        services.Select(s => (s.Name, s.Type, s.ClusterIp!.ToString(), s.Source.Line)).ShouldBe(
            [("kubernetes", "ClusterIP", "10.0.0.1", 2), ("nginxsvc", "NodePort", "10.0.0.171", 14)]);
        services[1].Ports.ShouldBe([new KubeServicePort("http", "TCP", 80, null, 31237), new KubeServicePort("https", "TCP", 443, null, 32133)]);
        services[1].Selector.ShouldBe(new Dictionary<string, string> { ["app"] = "nginx" });
        var endpoints = result.Facts.OfType<KubeEndpoints>().ToList();
        endpoints.Select(e => (e.ServiceName, e.Empty)).ShouldBe([("kubernetes", true), ("nginxsvc", true)]);
    }

    [Fact]
    public void Describe_service_of_kubectl_1_20_with_ips_target_port_and_a_cut_endpoint_list()
    {
        var text = string.Join('\n',
            "Name:              web",
            "Namespace:         shop",
            "Labels:            app=web",
            "Annotations:       <none>",
            "Selector:          app=web",
            "Type:              ClusterIP",
            "IP Family Policy:  SingleStack",
            "IP Families:       IPv4",
            "IP:                10.96.12.7",
            "IPs:               10.96.12.7",
            "Port:              <unset>  80/TCP",
            "TargetPort:        8080/TCP",
            "Endpoints:         192.168.1.5:8080,192.168.2.9:8080 + 1 more...",
            "Session Affinity:  None",
            "Events:            <none>");

        var result = new KubectlPrintedParser().Parse(new ParseInput("describe.txt", null, text));

        result.Problems.ShouldHaveSingleItem().Source.Line.ShouldBe(13);
        var service = result.Facts.OfType<KubeService>().ShouldHaveSingleItem();
        service.Ports.ShouldBe([new KubeServicePort(null, "TCP", 80, "8080", null)]);
        result.Facts.OfType<KubeEndpoints>().ShouldHaveSingleItem().Addresses.Select(a => a.ToString()).ShouldBe(["192.168.1.5", "192.168.2.9"]);
    }
}
