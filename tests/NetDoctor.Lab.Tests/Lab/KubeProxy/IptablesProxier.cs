namespace NetDoctor.Lab.Tests.Lab.KubeProxy;

/// <summary>kube-proxy in iptables mode on one node: KUBE-SERVICES -> KUBE-SVC-… -> KUBE-SEP-… DNAT, hooked into PREROUTING
/// (pod traffic) and OUTPUT (host-network traffic); traffic from outside <c>clusterCidr</c> is marked with
/// KUBE-MARK-MASQ and masqueraded in KUBE-POSTROUTING.</summary>
public static class IptablesProxier
{
    /// <param name="hooks">Append the jumps from the kernel chains: only on the first sync (kube-proxy's later syncs leave them).</param>
    public static Task ProgramAsync(LabHost node, string? clusterCidr, IReadOnlyList<ServicePort> services, bool hooks = true)
    {
        var chains = new List<string> { "KUBE-SERVICES", "KUBE-POSTROUTING", "KUBE-MARK-MASQ", "KUBE-NODEPORTS" };
        var rules = new List<string>();
        if (hooks)
        {
            rules.AddRange([
                "-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES",
                "-A OUTPUT -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES",
                "-A POSTROUTING -m comment --comment \"kubernetes postrouting rules\" -j KUBE-POSTROUTING",
            ]);
        }

        rules.AddRange([
            "-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000",
            "-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN",
            "-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0",
            "-A KUBE-POSTROUTING -m comment --comment \"kubernetes service traffic requiring SNAT\" -j MASQUERADE --random-fully",
        ]);
        foreach (var svc in services)
        {
            chains.Add(svc.ServiceChain);
            var comment = $"\"{svc.PortId} cluster IP\"";
            rules.Add($"-A KUBE-SERVICES -d {svc.ClusterIp}/32 -p tcp -m comment --comment {comment} -m tcp --dport {svc.Port} -j {svc.ServiceChain}");
            if (clusterCidr is not null)
                rules.Add($"-A {svc.ServiceChain} ! -s {clusterCidr} -d {svc.ClusterIp}/32 -p tcp -m comment --comment {comment} -m tcp --dport {svc.Port} -j KUBE-MARK-MASQ");
            for (var i = 0; i < svc.Endpoints.Count; i++)
            {
                var ep = svc.Endpoints[i];
                var sep = svc.EndpointChain(ep);
                chains.Add(sep);
                var remaining = svc.Endpoints.Count - i;
                var pick = remaining > 1 ? $"-m statistic --mode random --probability {1.0 / remaining:0.00000000000} " : "";
                rules.Add($"-A {svc.ServiceChain} -m comment --comment \"{svc.PortId} -> {ep.Address}:{ep.Port}\" {pick}-j {sep}");
                rules.Add($"-A {sep} -s {ep.Address}/32 -m comment --comment \"{svc.PortId}\" -j KUBE-MARK-MASQ");
                rules.Add($"-A {sep} -p tcp -m comment --comment \"{svc.PortId}\" -m tcp -j DNAT --to-destination {ep.Address}:{ep.Port}");
            }
        }
        rules.Add("-A KUBE-SERVICES -m comment --comment \"kubernetes service nodeports; NOTE: this must be the last rule in this chain\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS");
        var text = new List<string> { "*nat" };
        text.AddRange(chains.Select(c => $":{c} - [0:0]"));
        text.AddRange(rules);
        text.Add("COMMIT");
        return node.IptablesRestoreAsync(string.Join('\n', text) + "\n");
    }
}
