using System.Net;
using NetDoctor.Collectors.Parsers.Kubectl;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.Kubectl;

/// <summary>Core Kubernetes objects read through the KubernetesClient models; data from incidents 000, 002, 003.</summary>
public class KubectlCoreTests
{
    private readonly KubectlParser _parser = new();

    private ParseResult Parse(string file, string path, string? node = null) => _parser.Parse(ParserFixture.Input("Kubectl", file, path, node));

    [Fact]
    public void Nodes_with_addresses_pod_cidrs_readiness_and_calico_annotations()
    {
        var result = Parse("nodes.yaml", "cluster/kubernetes/nodes.yaml");

        result.Problems.ShouldBeEmpty();
        var nodes = result.Facts.OfType<KubeNode>().ToList();
        var master = nodes[0];
        master.Name.ShouldBe("k8s-master1");
        master.InternalIps.ShouldBe([IPAddress.Parse("192.168.21.11")]);
        master.Addresses.ShouldContain(new KubeNodeAddress("Hostname", "k8s-master1"));
        master.PodCidrs.ShouldBe([Cidr.Parse("10.244.0.0/24")]);
        master.Ready.ShouldBe(true);
        master.CalicoIpv4Address.ShouldBe(Cidr.Parse("192.168.21.11/24"));
        master.CalicoAnnotations.Keys.ShouldBe(["projectcalico.org/IPv4Address", "projectcalico.org/IPv4IPIPTunnelAddr"], ignoreOrder: true);
        master.Node.ShouldBeNull();
        master.Source.ShouldBe(new Source("cluster/kubernetes/nodes.yaml", 3));

        var worker = nodes[1];
        worker.Ready.ShouldBe(false);
        worker.PodCidrs.ShouldBe([Cidr.Parse("10.244.1.0/24"), Cidr.Parse("fd00:10:244:1::/64")]);
        worker.InternalIps.ShouldBe([IPAddress.Parse("192.168.21.10"), IPAddress.Parse("2001:db8::10")]);
        worker.Source.Line.ShouldBe(39);
    }

    [Fact]
    public void Multi_document_services_endpoints_slices_and_an_unrecognised_deployment()
    {
        var result = Parse("services-endpoints.yaml", "cluster/kubernetes/services.yaml");

        result.Problems.ShouldBeEmpty();
        var services = result.Facts.OfType<KubeService>().ToList();
        var kubernetes = services[0];
        (kubernetes.Namespace, kubernetes.Name, kubernetes.Type).ShouldBe(("default", "kubernetes", "ClusterIP"));
        kubernetes.ClusterIp.ShouldBe(IPAddress.Parse("10.96.0.1"));
        kubernetes.Ports.ShouldBe([new KubeServicePort("https", "TCP", 443, "6443", null)]);
        kubernetes.Selector.ShouldBeEmpty();
        kubernetes.Source.Line.ShouldBe(1);
        services[1].Selector["k8s-app"].ShouldBe("kube-dns");
        services[1].Ports[1].TargetPort.ShouldBe("metrics");
        services[1].Source.Line.ShouldBe(64);

        var endpoints = result.Facts.OfType<KubeEndpoints>().ToList();
        endpoints[0].ServiceName.ShouldBe("kubernetes");
        endpoints[0].Addresses.ShouldBe([IPAddress.Parse("192.168.56.3")]);
        endpoints[0].Ports.ShouldBe([new KubeEndpointPort("https", 6443, "TCP")]);
        endpoints[0].FromSlice.ShouldBeFalse();
        endpoints[0].Source.Line.ShouldBe(25);
        var slice = endpoints[1];
        slice.FromSlice.ShouldBeTrue();
        (slice.Namespace, slice.ServiceName, slice.SliceName).ShouldBe(("kube-system", "kube-dns", "kube-dns-7x2kq"));
        slice.Addresses.ShouldBe([IPAddress.Parse("10.10.0.196")]);
        slice.NotReadyAddresses.ShouldBe([IPAddress.Parse("10.10.0.37")]);
        slice.Ports.ShouldBe([new KubeEndpointPort("dns", 53, "UDP")]);
        slice.Source.Line.ShouldBe(40);

        var skipped = result.Facts.OfType<UnrecognisedObject>().ShouldHaveSingleItem();
        (skipped.Kind, skipped.Name, skipped.Namespace, skipped.ApiVersion).ShouldBe(("Deployment", "coredns", "kube-system", "apps/v1"));
        skipped.Source.Line.ShouldBe(84);
    }

    [Fact]
    public void Pods_with_restarts_last_state_host_network_owner_and_component_settings()
    {
        var result = Parse("pods.yaml", "cluster/kubernetes/pods.yaml");

        result.Problems.ShouldBeEmpty();
        var pods = result.Facts.OfType<KubePod>().ToList();
        var controllers = pods[0];
        (controllers.Namespace, controllers.Name, controllers.NodeName).ShouldBe(("calico-system", "calico-kube-controllers-596576f79-j2pkg", "k8s-node1"));
        controllers.PodIps.ShouldBe([IPAddress.Parse("192.168.236.10")]);
        controllers.HostIp.ShouldBe(IPAddress.Parse("192.168.21.10"));
        controllers.HostNetwork.ShouldBeFalse();
        controllers.Phase.ShouldBe("Running");
        controllers.ServiceAccount.ShouldBe("calico-kube-controllers");
        controllers.Owner.ShouldBe("ReplicaSet/calico-kube-controllers-596576f79");
        controllers.Restarts.ShouldBe(3);
        controllers.Containers.ShouldBe([new KubeContainerStatus("calico-kube-controllers", false, 3, "running", null, "Error", 1)]);
        controllers.Labels["k8s-app"].ShouldBe("calico-kube-controllers");
        controllers.Source.Line.ShouldBe(3);

        var calicoNode = pods[1];
        calicoNode.HostNetwork.ShouldBeTrue();
        calicoNode.Containers[0].CrashLooping.ShouldBeTrue();
        calicoNode.Restarts.ShouldBe(41);
        calicoNode.Source.Line.ShouldBe(46);

        var settings = result.Facts.OfType<ComponentSettings>().ToList();
        settings.Select(s => s.Component).ShouldBe([ComponentKind.CalicoNode, ComponentKind.KubeProxy]);
        var env = settings[0];
        env.Node.ShouldBe("node2");
        env.Get("CALICO_IPV4POOL_CIDR").ShouldBe("10.10.0.0/16");
        env.Get("IP").ShouldBe("autodetect");
        env.Settings.ContainsKey("NODENAME").ShouldBeFalse();
        env.Settings["CALICO_IPV4POOL_CIDR"].Origin.ShouldBe(SettingOrigin.Environment);
        env.Settings["CALICO_IPV4POOL_CIDR"].Source.Line.ShouldBe(67);

        var proxy = settings[1];
        proxy.Node.ShouldBe("k8s-node1");
        proxy.ConfigFile.ShouldBe("/var/lib/kube-proxy/config.conf");
        proxy.Settings["hostname-override"].Source.Line.ShouldBe(98);
        proxy.Settings["hostname-override"].Origin.ShouldBe(SettingOrigin.Flag);
    }

    [Fact]
    public void Static_pod_manifest_gives_the_apiserver_flags_with_their_lines()
    {
        var result = Parse("kube-apiserver.yaml", "admin/kube-apiserver.yaml", "admin");

        var pod = result.Facts.OfType<KubePod>().ShouldHaveSingleItem();
        pod.Phase.ShouldBeNull();
        var settings = result.Facts.OfType<ComponentSettings>().ShouldHaveSingleItem();
        settings.Component.ShouldBe(ComponentKind.KubeApiServer);
        settings.Node.ShouldBe("admin");
        settings.Get("service-cluster-ip-range").ShouldBe("10.96.0.0/12");
        settings.Settings["service-cluster-ip-range"].Source.ShouldBe(new Source("admin/kube-apiserver.yaml", 23));
        settings.Get("authorization-mode").ShouldBe("Node,RBAC");
        settings.Source.Line.ShouldBe(13);
    }

    [Fact]
    public void Rbac_objects_of_incident_002()
    {
        var result = Parse("rbac.yaml", "cluster/kubernetes/rbac.yaml");

        result.Problems.ShouldBeEmpty();
        var sa = result.Facts.OfType<KubeServiceAccount>().Single();
        (sa.Namespace, sa.Name).ShouldBe(("kube-system", "calico-policy-controller"));

        var role = result.Facts.OfType<KubeClusterRole>().Single();
        role.Rules.Count.ShouldBe(2);
        role.Allows("", "namespaces", "list").ShouldBeTrue();
        role.Allows("", "namespaces", "create").ShouldBeFalse();
        role.Rules[1].ApiGroups.ShouldBe(["networking.k8s.io"]);
        role.Source.Line.ShouldBe(7);

        var binding = result.Facts.OfType<KubeClusterRoleBinding>().Single();
        (binding.RoleRefKind, binding.RoleRefName).ShouldBe(("ClusterRole", "calico-policy-controller"));
        binding.Subjects.ShouldBe([new KubeSubject("ServiceAccount", "calico-policy-controller", "default")]);
        binding.Subjects[0].IsServiceAccount("kube-system", "calico-policy-controller").ShouldBeFalse();
        binding.Source.Line.ShouldBe(30);
    }

    [Fact]
    public void A_malformed_document_is_a_problem_at_its_line_and_the_others_are_read()
    {
        var result = Parse("mixed-with-bad-document.yaml", "cluster/kubernetes/serviceaccounts.yaml");

        result.Facts.OfType<KubeServiceAccount>().Select(s => (s.Name, s.Source.Line))
            .ShouldBe([("calico-node", 1), ("calico-kube-controllers", 13)]);
        result.Problems.Count.ShouldBe(3);
        result.Problems[0].Source.Line.ShouldBeInRange(9, 11);
        result.Problems[0].Message.ShouldStartWith("malformed YAML/JSON document");
        result.Problems[1].Source.Line.ShouldBe(19);
        result.Problems[1].Message.ShouldContain("not a mapping");
        result.Problems[2].Source.Line.ShouldBe(22);
        result.Problems[2].Message.ShouldStartWith("cannot read Service wrong-port");
    }

    [Fact]
    public void A_list_with_a_broken_item_keeps_the_items_around_it()
    {
        var text = "apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: ServiceAccount\n  metadata:\n    name: a\n    namespace: x\n- apiVersion: v1\n  kind: ServiceAccount\n  metadata: {name: [b\n- apiVersion: v1\n  kind: ServiceAccount\n  metadata:\n    name: c\n    namespace: x\nkind: List\n";
        var result = _parser.Parse(new ParseInput("sa.yaml", null, text));

        result.Facts.OfType<KubeServiceAccount>().Select(s => (s.Name, s.Source.Line)).ShouldBe([("a", 3), ("c", 11)]);
        result.Problems.ShouldHaveSingleItem().Source.Line.ShouldBeInRange(10, 11);
    }

    [Fact]
    public void Values_kubectl_accepts_but_json_types_strictly_still_read_the_same()
    {
        // An unquoted true where the API has a string, a quoted number where it has an int, a named and a numbered
        // targetPort, a quoted null-looking name: what hand-edited YAML carries and kubectl apply accepts.
        var text = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: shop
              labels:
                canary: true
                tier: "null"
            spec:
              clusterIP: 10.96.7.7
              ports:
              - name: http
                port: "80"
                targetPort: http
              - name: metrics
                port: 9100
                targetPort: 9100
              selector:
                app: web
            """;
        var result = _parser.Parse(new ParseInput("cluster/kubernetes/services.yaml", null, text));
        result.Problems.ShouldBeEmpty();
        var svc = result.Facts.OfType<KubeService>().Single();
        svc.Ports.ShouldBe([new KubeServicePort("http", "TCP", 80, "http", null), new KubeServicePort("metrics", "TCP", 9100, "9100", null)]);
        svc.ClusterIps.ShouldBe([IPAddress.Parse("10.96.7.7")]);
        svc.Selector["app"].ShouldBe("web");
    }

    [Fact]
    public void Capitalised_true_and_false_read_as_text_where_the_api_has_a_string_and_as_booleans_where_it_has_a_bool()
    {
        // "status: True" unquoted, as in every sample's nodes.yaml: the condition's status is a string in the API. The
        // pod's "hostNetwork: True" is a bool field: that object needs the client's YAML path, and reads the same.
        var text = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Node
              metadata:
                name: n1
              status:
                conditions:
                - status: True
                  type: Ready
            - apiVersion: v1
              kind: Node
              metadata:
                name: n2
              status:
                conditions:
                - status: FALSE
                  type: Ready
            - apiVersion: v1
              kind: Pod
              metadata:
                name: p
                namespace: kube-system
              spec:
                hostNetwork: True
                nodeName: n1
              status:
                conditions:
                - status: True
                  type: Ready
            """;
        var result = _parser.Parse(new ParseInput("cluster/kubernetes/mixed.yaml", null, text));

        result.Problems.ShouldBeEmpty();
        result.Facts.OfType<KubeNode>().Select(n => (n.Name, n.Ready)).ShouldBe([("n1", (bool?)true), ("n2", (bool?)false)]);
        var pod = result.Facts.OfType<KubePod>().Single();
        (pod.HostNetwork, pod.NodeName).ShouldBe((true, "n1"));
    }

    [Fact]
    public void A_number_too_big_for_any_number_type_where_the_api_has_text_costs_neither_the_object_nor_the_file()
    {
        // 1e999 is a YAML float no JSON or .NET integer can hold; where the API has text (a label value) it is that text.
        var text = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Service
              metadata:
                name: big
                namespace: default
                labels:
                  size: 1e999
              spec:
                clusterIP: 10.96.0.20
                ports:
                - port: 80
            - apiVersion: v1
              kind: Service
              metadata:
                name: next
                namespace: default
              spec:
                clusterIP: 10.96.0.21
            """;
        var result = _parser.Parse(new ParseInput("cluster/kubernetes/services.yaml", null, text));

        result.Problems.ShouldBeEmpty();
        var services = result.Facts.OfType<KubeService>().ToList();
        services.Select(s => s.Name).ShouldBe(["big", "next"]);
        services[0].Ports.ShouldBe([new KubeServicePort(null, "TCP", 80, null, null)]);
    }

    [Fact]
    public void Json_list_of_core_objects_through_the_client_models()
    {
        var result = Parse("core.json", "cluster/kubernetes/nodes.json");

        result.Problems.ShouldBeEmpty();
        var node = result.Facts.OfType<KubeNode>().Single();
        node.InternalIps.ShouldBe([IPAddress.Parse("10.2.7.201")]);
        node.PodCidrs.ShouldBe([Cidr.Parse("10.253.65.0/24")]);
        node.CalicoIpv4Address.ShouldBe(Cidr.Parse("10.2.7.201/24"));
        node.Ready.ShouldBe(true);
        node.Source.Line.ShouldBe(4);
        var service = result.Facts.OfType<KubeService>().Single();
        service.ClusterIp.ShouldBe(IPAddress.Parse("10.20.0.1"));
        service.Ports.ShouldBe([new KubeServicePort("https", "TCP", 443, "6443", null)]);
        service.Source.Line.ShouldBe(35);
    }

    [Theory]
    [InlineData("cluster/crd/ippools.crd.projectcalico.org.yaml", "", 100)]
    [InlineData("cluster/kubernetes/pods.yaml", "", 100)]
    [InlineData("pasted.txt", "apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Node\n", 80)]
    [InlineData("pasted.json", "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\"\n", 80)]
    [InlineData("pasted.txt", "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n", 95)]
    [InlineData("pasted.txt", "Chain INPUT (policy ACCEPT)\n", 0)]
    public void Sniffs(string name, string head, int expected) => _parser.Sniff(name, head).ShouldBe(expected);
}
