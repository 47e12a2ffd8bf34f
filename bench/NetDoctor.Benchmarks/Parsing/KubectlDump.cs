using System.Text;

namespace NetDoctor.Benchmarks.Parsing;

/// <summary>
/// Generates what `kubectl get services,endpoints,pods -A -o yaml` (or `-o json`) prints for a cluster of the given number
/// of Services, each with one Endpoints object and one Pod: the field layout and key order of real kubectl output
/// (metadata with labels, annotations, managed uid/resourceVersion, spec, status with conditions). Deterministic.
/// </summary>
public static class KubectlDump
{
    public static string Yaml(int services)
    {
        var sb = new StringBuilder("apiVersion: v1\nitems:\n");
        for (int i = 0; i < services; i++)
        {
            var (ns, name, clusterIp, podIp, node) = Names(i);
            sb.Append($"""
                - apiVersion: v1
                  kind: Service
                  metadata:
                    annotations:
                      meta.helm.sh/release-name: {name}
                    creationTimestamp: "2026-11-01T10:00:00Z"
                    labels:
                      app.kubernetes.io/name: {name}
                      app.kubernetes.io/managed-by: Helm
                    name: {name}
                    namespace: {ns}
                    resourceVersion: "{1000 + i}"
                    uid: 6f1c2a4e-0000-4000-8000-{i:D12}
                  spec:
                    clusterIP: {clusterIp}
                    clusterIPs:
                    - {clusterIp}
                    internalTrafficPolicy: Cluster
                    ipFamilies:
                    - IPv4
                    ipFamilyPolicy: SingleStack
                    ports:
                    - name: http
                      port: 80
                      protocol: TCP
                      targetPort: 8080
                    selector:
                      app.kubernetes.io/name: {name}
                    sessionAffinity: None
                    type: ClusterIP
                  status:
                    loadBalancer: {"{}"}
                - apiVersion: v1
                  kind: Endpoints
                  metadata:
                    creationTimestamp: "2026-11-01T10:00:00Z"
                    labels:
                      app.kubernetes.io/name: {name}
                    name: {name}
                    namespace: {ns}
                    resourceVersion: "{2000 + i}"
                    uid: 7f1c2a4e-0000-4000-8000-{i:D12}
                  subsets:
                  - addresses:
                    - ip: {podIp}
                      nodeName: {node}
                      targetRef:
                        kind: Pod
                        name: {name}-7d9c6b5f4-x2k8p
                        namespace: {ns}
                        uid: 8f1c2a4e-0000-4000-8000-{i:D12}
                    ports:
                    - name: http
                      port: 8080
                      protocol: TCP
                - apiVersion: v1
                  kind: Pod
                  metadata:
                    creationTimestamp: "2026-11-01T10:00:00Z"
                    generateName: {name}-7d9c6b5f4-
                    labels:
                      app.kubernetes.io/name: {name}
                      pod-template-hash: 7d9c6b5f4
                    name: {name}-7d9c6b5f4-x2k8p
                    namespace: {ns}
                    ownerReferences:
                    - apiVersion: apps/v1
                      blockOwnerDeletion: true
                      controller: true
                      kind: ReplicaSet
                      name: {name}-7d9c6b5f4
                      uid: 9f1c2a4e-0000-4000-8000-{i:D12}
                    resourceVersion: "{3000 + i}"
                    uid: 8f1c2a4e-0000-4000-8000-{i:D12}
                  spec:
                    containers:
                    - image: registry.example.com/{name}:1.4.2
                      imagePullPolicy: IfNotPresent
                      name: app
                      ports:
                      - containerPort: 8080
                        name: http
                        protocol: TCP
                      resources:
                        limits:
                          memory: 256Mi
                        requests:
                          cpu: 100m
                          memory: 128Mi
                    dnsPolicy: ClusterFirst
                    nodeName: {node}
                    restartPolicy: Always
                    schedulerName: default-scheduler
                    serviceAccount: default
                    serviceAccountName: default
                  status:
                    conditions:
                    - lastProbeTime: null
                      lastTransitionTime: "2026-11-01T10:00:05Z"
                      status: "True"
                      type: Ready
                    containerStatuses:
                    - containerID: containerd://{i:x16}
                      image: registry.example.com/{name}:1.4.2
                      imageID: registry.example.com/{name}@sha256:{i:x16}
                      lastState: {"{}"}
                      name: app
                      ready: true
                      restartCount: {i % 3}
                      started: true
                      state:
                        running:
                          startedAt: "2026-11-01T10:00:04Z"
                    hostIP: 10.0.{i / 100 % 256}.{i % 100 + 10}
                    phase: Running
                    podIP: {podIp}
                    podIPs:
                    - ip: {podIp}
                    qosClass: Burstable
                    startTime: "2026-11-01T10:00:00Z"

                """);
        }
        sb.Append("kind: List\nmetadata:\n  resourceVersion: \"\"\n");
        return sb.ToString();
    }

    private static (string Ns, string Name, string ClusterIp, string PodIp, string Node) Names(int i) =>
        ($"team-{i % 53}", $"svc-{i}", $"10.{96 + i / 65536 % 16}.{i / 256 % 256}.{i % 256}",
         $"10.244.{i / 250 % 256}.{i % 250 + 2}", $"node-{i % 40:D2}");
}
