namespace NetDoctor.Benchmarks.Generators;

/// <summary>
/// cluster/crd/: the Calico resources as `kubectl get ippools.crd.projectcalico.org -o yaml` and friends show them.
/// One pool (natOutgoing, clear of the node network), a Calico Node per node whose BGP address is its InternalIP, and
/// an allow-all kns.&lt;namespace&gt; profile per namespace, except the one a planted fault says was never created.
/// </summary>
internal static class CalicoObjects
{
    public static IEnumerable<(string Name, string Text)> For(ClusterModel cluster, PlantedFault? fault)
    {
        yield return ("ippools.crd.projectcalico.org.yaml", new KubectlList().Add($"""
            - apiVersion: crd.projectcalico.org/v1
              kind: IPPool
              metadata:
                name: default-ipv4-ippool
              spec:
                blockSize: {cluster.Shape.BlockPrefix}
                cidr: {ClusterModel.PoolCidr}
                ipipMode: {(cluster.Shape.Ipip ? "Always" : "Never")}
                natOutgoing: true
                nodeSelector: all()
                vxlanMode: Never
            """).ToString());

        var nodes = new KubectlList();
        foreach (var node in cluster.Nodes)
        {
            nodes.Add($"""
                - apiVersion: crd.projectcalico.org/v1
                  kind: Node
                  metadata:
                    name: {node.Name}
                  spec:
                    bgp:
                      ipv4Address: {node.Ip}/16
                    orchRefs:
                    - nodeName: {node.Name}
                      orchestrator: k8s
                """);
        }
        yield return ("nodes.crd.projectcalico.org.yaml", nodes.ToString());

        var profiles = new KubectlList();
        foreach (var ns in new[] { "default", "kube-system", "calico-system" }.Concat(cluster.Namespaces))
        {
            if (fault is not null && ns == fault.Namespace) continue;
            profiles.Add($"""
                - apiVersion: crd.projectcalico.org/v1
                  kind: Profile
                  metadata:
                    name: kns.{ns}
                  spec:
                    egress:
                    - action: Allow
                      destination: {"{}"}
                      source: {"{}"}
                    ingress:
                    - action: Allow
                      destination: {"{}"}
                      source: {"{}"}
                """);
        }
        yield return ("profiles.crd.projectcalico.org.yaml", profiles.ToString());
    }
}
