namespace NetDoctor.Benchmarks.Generators;

/// <summary>
/// cluster/kubernetes/: Nodes, Pods (calico-node and kube-proxy per node, the API server and the Calico controller on
/// the control plane, one application pod per namespace and node), Services with their Endpoints, and the Calico
/// controller's ServiceAccount and ClusterRoleBinding — everything Ready, nothing restarting.
/// </summary>
internal static class KubernetesObjects
{
    public const string ControllerPod = "calico-kube-controllers-7d6c5b4f8-m2vkh";

    public static IEnumerable<(string Name, string Text)> For(ClusterModel cluster)
    {
        yield return ("nodes.yaml", Nodes(cluster));
        yield return ("pods.yaml", Pods(cluster));
        yield return ("services.yaml", Services(cluster));
        yield return ("endpoints.yaml", Endpoints(cluster));
        yield return ("serviceaccounts.yaml", new KubectlList()
            .Add(ServiceAccount("calico-kube-controllers"))
            .Add(ServiceAccount("calico-node")).ToString());
        yield return ("clusterrolebindings.yaml", new KubectlList().Add("""
            - apiVersion: rbac.authorization.k8s.io/v1
              kind: ClusterRoleBinding
              metadata:
                name: calico-kube-controllers
              roleRef:
                apiGroup: rbac.authorization.k8s.io
                kind: ClusterRole
                name: calico-kube-controllers
              subjects:
              - kind: ServiceAccount
                name: calico-kube-controllers
                namespace: calico-system
            """).ToString());
    }

    private static string Nodes(ClusterModel cluster)
    {
        var list = new KubectlList();
        foreach (var node in cluster.Nodes)
        {
            list.Add($"""
                - apiVersion: v1
                  kind: Node
                  metadata:
                    annotations:
                      projectcalico.org/IPv4Address: {node.Ip}/16
                    labels:
                      kubernetes.io/hostname: {node.Name}
                      kubernetes.io/os: linux
                    name: {node.Name}
                  spec:
                    podCIDR: {node.PodCidr}
                    podCIDRs:
                    - {node.PodCidr}
                  status:
                    addresses:
                    - address: {node.Ip}
                      type: InternalIP
                    - address: {node.Name}
                      type: Hostname
                    conditions:
                    - status: "True"
                      type: Ready
                      reason: KubeletReady
                """);
        }
        return list.ToString();
    }

    private static string Pods(ClusterModel cluster)
    {
        var list = new KubectlList();
        var cp = cluster.ControlPlane;
        foreach (var node in cluster.Nodes)
        {
            list.Add(Pod("calico-system", $"calico-node-{Tokens.Of(node.Name, 5, Tokens.Hex)}", node, node.Ip, "calico-node", "docker.io/calico/node:v3.28.0", hostNetwork: true, serviceAccount: "calico-node"));
            list.Add(Pod("kube-system", $"kube-proxy-{Tokens.Of(node.Name, 5, Tokens.Hex)}", node, node.Ip, "kube-proxy", "registry.k8s.io/kube-proxy:v1.30.1", hostNetwork: true,
                command: ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", $"--hostname-override={node.Name}"]));
        }
        list.Add(Pod("kube-system", $"kube-apiserver-{cp.Name}", cp, cp.Ip, "kube-apiserver", "registry.k8s.io/kube-apiserver:v1.30.1", hostNetwork: true,
            command: ["kube-apiserver", $"--advertise-address={cp.Ip}", "--secure-port=6443", $"--service-cluster-ip-range={ClusterModel.ServiceCidr}", "--authorization-mode=Node,RBAC"]));
        list.Add(Pod("calico-system", ControllerPod, cp, cp.PodIp(cluster.PodsOn(cp).Count() + 1), "calico-kube-controllers", "docker.io/calico/kube-controllers:v3.28.0", hostNetwork: false, serviceAccount: "calico-kube-controllers"));
        foreach (var pod in cluster.Pods)
        {
            list.Add(Pod(pod.Namespace, pod.Name, pod.Node, pod.Ip, "app", "nginx:1.27", hostNetwork: false));
        }
        return list.ToString();
    }

    private static string Pod(string ns, string name, NodeModel node, string ip, string container, string image, bool hostNetwork,
        string serviceAccount = "default", IReadOnlyList<string>? command = null)
    {
        string commandYaml = command is null ? "" : "\n      command:" + string.Concat(command.Select(c => $"\n      - {c}"));
        return $"""
            - apiVersion: v1
              kind: Pod
              metadata:
                name: {name}
                namespace: {ns}
              spec:
                containers:
                - name: {container}
                  image: {image}{commandYaml}
                hostNetwork: {(hostNetwork ? "true" : "false")}
                nodeName: {node.Name}
                serviceAccountName: {serviceAccount}
              status:
                phase: Running
                podIP: {ip}
                podIPs:
                - ip: {ip}
                containerStatuses:
                - name: {container}
                  ready: true
                  restartCount: 0
            """;
    }

    private static string Services(ClusterModel cluster)
    {
        var list = new KubectlList().Add(Service("default", "kubernetes", ClusterModel.KubernetesServiceIp, "https", 443, 6443));
        foreach (var service in cluster.Services)
        {
            list.Add(Service(service.Namespace, service.Name, service.ClusterIp, "http", 80, 8080));
        }
        return list.ToString();
    }

    private static string Service(string ns, string name, string clusterIp, string portName, int port, int targetPort) => $"""
        - apiVersion: v1
          kind: Service
          metadata:
            name: {name}
            namespace: {ns}
          spec:
            clusterIP: {clusterIp}
            clusterIPs:
            - {clusterIp}
            ipFamilies:
            - IPv4
            ports:
            - name: {portName}
              port: {port}
              protocol: TCP
              targetPort: {targetPort}
            type: ClusterIP
        """;

    private static string Endpoints(ClusterModel cluster)
    {
        var list = new KubectlList().Add(Endpoint("default", "kubernetes", [cluster.ControlPlane.Ip], "https", 6443));
        foreach (var service in cluster.Services)
        {
            list.Add(Endpoint(service.Namespace, service.Name, [.. service.Endpoints.Select(p => p.Ip)], "http", 8080));
        }
        return list.ToString();
    }

    private static string Endpoint(string ns, string name, IReadOnlyList<string> ips, string portName, int port) => $"""
        - apiVersion: v1
          kind: Endpoints
          metadata:
            name: {name}
            namespace: {ns}
          subsets:
          - addresses:
        {string.Concat(ips.Select(ip => $"    - ip: {ip}\n"))}    ports:
            - name: {portName}
              port: {port}
              protocol: TCP
        """;

    private static string ServiceAccount(string name) => $"""
        - apiVersion: v1
          kind: ServiceAccount
          metadata:
            name: {name}
            namespace: calico-system
        """;
}
