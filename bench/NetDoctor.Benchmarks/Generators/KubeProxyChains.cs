namespace NetDoctor.Benchmarks.Generators;

/// <summary>
/// kube-proxy's iptables mode on one node (the same on every node): KUBE-SERVICES jumps to a KUBE-SVC-* chain per
/// Service, which masquerades traffic from outside the pod network and spreads over one KUBE-SEP-* chain per endpoint
/// with `-m statistic --mode random` (mark + DNAT).
/// </summary>
internal static class KubeProxyChains
{
    public static void AddNat(IptablesTable nat, ClusterModel cluster)
    {
        nat.Rule("PREROUTING", "-m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES");
        nat.Rule("OUTPUT", "-m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES");
        nat.Rule("POSTROUTING", "-m comment --comment \"kubernetes postrouting rules\" -j KUBE-POSTROUTING");
        nat.Rule("KUBE-MARK-MASQ", "-j MARK --set-xmark 0x4000/0x4000");
        nat.Rule("KUBE-POSTROUTING", "-m mark ! --mark 0x4000/0x4000 -j RETURN");
        nat.Rule("KUBE-POSTROUTING", "-j MARK --set-xmark 0x4000/0x0");
        nat.Rule("KUBE-POSTROUTING", "-m comment --comment \"kubernetes service traffic requiring SNAT\" -j MASQUERADE --random-fully");
        nat.Chain("KUBE-NODEPORTS");

        Service(nat, "default/kubernetes:https", ClusterModel.KubernetesServiceIp, 443, [$"{cluster.ControlPlane.Ip}:6443"]);
        foreach (var service in cluster.Services)
        {
            Service(nat, service.PortName, service.ClusterIp, 80, [.. service.Endpoints.Select(p => $"{p.Ip}:8080")]);
        }
        nat.Rule("KUBE-SERVICES", "-m comment --comment \"kubernetes service nodeports; NOTE: this must be the last rule in this chain\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS");
    }

    private static void Service(IptablesTable nat, string name, string clusterIp, int port, IReadOnlyList<string> endpoints)
    {
        string svc = "KUBE-SVC-" + Tokens.Of(name, 16, Tokens.Base32);
        nat.Rule("KUBE-SERVICES", $"-d {clusterIp}/32 -p tcp -m comment --comment \"{name} cluster IP\" -m tcp --dport {port} -j {svc}");
        nat.Rule(svc, $"! -s {ClusterModel.PoolCidr} -d {clusterIp}/32 -p tcp -m comment --comment \"{name} cluster IP\" -m tcp --dport {port} -j KUBE-MARK-MASQ");
        for (int e = 0; e < endpoints.Count; e++)
        {
            string endpoint = endpoints[e];
            string ip = endpoint[..endpoint.IndexOf(':')];
            string sep = "KUBE-SEP-" + Tokens.Of(name + endpoint, 16, Tokens.Base32);
            string probability = e < endpoints.Count - 1 ? $" -m statistic --mode random --probability {1.0 / (endpoints.Count - e):F11}" : "";
            nat.Rule(svc, $"-m comment --comment \"{name} -> {endpoint}\"{probability} -j {sep}");
            nat.Rule(sep, $"-s {ip}/32 -m comment --comment \"{name}\" -j KUBE-MARK-MASQ");
            nat.Rule(sep, $"-p tcp -m comment --comment \"{name}\" -m tcp -j DNAT --to-destination {endpoint}");
        }
    }
}
