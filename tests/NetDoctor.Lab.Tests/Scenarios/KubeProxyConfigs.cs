namespace NetDoctor.Lab.Tests.Scenarios;

/// <summary>kube-proxy-config.yaml (KubeProxyConfiguration) as kubeadm writes it into the kube-proxy ConfigMap.</summary>
public static class KubeProxyConfigs
{
    public static string Render(string mode, string? clusterCidr, bool masqueradeAll = false) => $"""
        apiVersion: kubeproxy.config.k8s.io/v1alpha1
        kind: KubeProxyConfiguration
        bindAddress: 0.0.0.0
        clientConnection:
          kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
        clusterCIDR: "{clusterCidr ?? ""}"
        iptables:
          masqueradeAll: {(masqueradeAll ? "true" : "false")}
          masqueradeBit: 14
        ipvs:
          scheduler: "rr"
          strictARP: false
        mode: "{mode}"

        """;
}
