namespace NetDoctor.Lab.Tests.Lab.Cluster;

/// <summary>A Kubernetes node as the API would describe it. <see cref="CalicoBgpAddress"/> is what calico-node autodetected
/// (Calico Node spec.bgp.ipv4Address), null when the node runs no calico-node.</summary>
public sealed record ClusterNode(string Name, string InternalIp, string PodCidr, string? CalicoBgpAddress, bool ControlPlane = false, string? IpipTunnelAddress = null);

/// <summary>A pod as `kubectl get pods -A -o yaml` lists it.</summary>
public sealed record ClusterPod(string Namespace, string Name, string NodeName, string PodIp, bool HostNetwork = false,
    IReadOnlyList<string>? Command = null, string ServiceAccount = "default", bool Ready = true, int Restarts = 0, string Image = "registry.k8s.io/pause:3.9");

public sealed record ClusterRoleBinding(string Name, string Role, IReadOnlyList<(string Namespace, string Name)> ServiceAccounts);
