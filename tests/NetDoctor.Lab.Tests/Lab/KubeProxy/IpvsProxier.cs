using System.Text;

namespace NetDoctor.Lab.Tests.Lab.KubeProxy;

/// <summary>kube-proxy in IPVS mode on one node: ClusterIPs bound to the kube-ipvs0 interface, ipsets KUBE-CLUSTER-IP /
/// KUBE-LOOP-BACK / KUBE-NODE-PORT-TCP, nat chains KUBE-SERVICES / KUBE-MARK-MASQ / KUBE-POSTROUTING exactly as kube-proxy writes them.
///
/// EMULATED PART: this kernel has neither ip_vs (IPVS) nor the dummy link type. kube-ipvs0 is therefore an ifb device
/// (same flags as kube-proxy's dummy: BROADCAST,NOARP, left down), and the IPVS virtual server is replaced by an nftables
/// table <c>ndlab_ipvs_emulation</c> whose nat chain sits on the output hook right after iptables' nat OUTPUT (priority -99),
/// which is where IPVS's own local-out hook runs. So the KUBE-MARK-MASQ decision happens first and the DNAT after it,
/// with the source address the socket picked (the ClusterIP itself, since it is local) — the mechanism of incident 004.
/// The ipvsadm -Sn text written to bundles is what ipvsadm would print for that virtual server.</summary>
public static class IpvsProxier
{
    public const string EmulationTable = "ndlab_ipvs_emulation";

    public static async Task ProgramAsync(LabHost node, string? clusterCidr, IReadOnlyList<ServicePort> services, bool masqueradeAll = false)
    {
        await node.SysctlAsync("net.ipv4.ip_forward", "1");
        await node.IpAsync("link add kube-ipvs0 type ifb");
        foreach (var svc in services.Select(s => s.ClusterIp).Distinct())
            await node.IpAsync($"addr add {svc}/32 dev kube-ipvs0");

        var sets = new StringBuilder();
        sets.AppendLine("create KUBE-CLUSTER-IP hash:ip,port family inet hashsize 1024 maxelem 65536");
        sets.AppendLine("create KUBE-LOOP-BACK hash:ip,port,ip family inet hashsize 1024 maxelem 65536");
        sets.AppendLine("create KUBE-NODE-PORT-TCP bitmap:port range 0-65535");
        foreach (var svc in services)
        {
            sets.AppendLine($"add KUBE-CLUSTER-IP {svc.ClusterIp},tcp:{svc.Port}");
            foreach (var ep in svc.Endpoints.Where(e => e.Address == svc.ClusterIp))
                sets.AppendLine($"add KUBE-LOOP-BACK {ep.Address},tcp:{ep.Port},{ep.Address}");
        }
        await node.IpsetRestoreAsync(sets.ToString());
        await ProgramRulesAsync(node, clusterCidr, masqueradeAll, hooks: true);

        var nft = new StringBuilder();
        nft.AppendLine($"table ip {EmulationTable} {{");
        nft.AppendLine("  chain output {");
        nft.AppendLine("    type nat hook output priority -99; policy accept;");
        foreach (var svc in services)
            nft.AppendLine($"    ip daddr {svc.ClusterIp} tcp dport {svc.Port} dnat to {svc.Endpoints[0].Address}:{svc.Endpoints[0].Port}");
        nft.AppendLine("  }");
        nft.AppendLine("}");
        await node.NftAsync(nft.ToString());
    }

    /// <summary>Rewrites kube-proxy's nat chains, e.g. after it was restarted with a (different) --cluster-cidr.</summary>
    public static Task ProgramRulesAsync(LabHost node, string? clusterCidr, bool masqueradeAll = false, bool hooks = false)
    {
        var lines = new List<string>
        {
            "*nat",
            ":KUBE-SERVICES - [0:0]", ":KUBE-POSTROUTING - [0:0]", ":KUBE-MARK-MASQ - [0:0]", ":KUBE-MARK-DROP - [0:0]",
            ":KUBE-NODE-PORT - [0:0]", ":KUBE-LOAD-BALANCER - [0:0]", ":KUBE-FIREWALL - [0:0]",
        };
        if (hooks)
        {
            lines.AddRange([
                "-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES",
                "-A OUTPUT -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES",
                "-A POSTROUTING -m comment --comment \"kubernetes postrouting rules\" -j KUBE-POSTROUTING",
            ]);
        }

        lines.AddRange([
            "-A KUBE-FIREWALL -j KUBE-MARK-DROP",
            "-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ",
            "-A KUBE-MARK-DROP -j MARK --set-xmark 0x8000/0x8000",
            "-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000",
            "-A KUBE-NODE-PORT -p tcp -m comment --comment \"Kubernetes nodeport TCP port for masquerade purpose\" -m set --match-set KUBE-NODE-PORT-TCP dst -j KUBE-MARK-MASQ",
            "-A KUBE-POSTROUTING -m comment --comment \"kubernetes service traffic requiring SNAT\" -m mark --mark 0x4000/0x4000 -j MASQUERADE",
            "-A KUBE-POSTROUTING -m comment --comment \"Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose\" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE",
        ]);
        // The rule incident 004 is about: only written when kube-proxy knows the pod network (or masquerades everything).
        if (masqueradeAll)
            lines.Add("-A KUBE-SERVICES -m comment --comment \"Kubernetes service cluster ip + port for masquerade purpose\" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ");
        else if (clusterCidr is not null)
            lines.Add($"-A KUBE-SERVICES ! -s {clusterCidr} -m comment --comment \"Kubernetes service cluster ip + port for masquerade purpose\" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ");
        lines.AddRange([
            "-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT",
            "-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT",
            "COMMIT",
        ]);
        return node.IptablesRestoreAsync(string.Join('\n', lines) + "\n");
    }

    /// <summary>What `ipvsadm -Sn` would print for these virtual servers on a kernel with IPVS.</summary>
    public static string IpvsadmSave(IReadOnlyList<ServicePort> services)
    {
        var b = new StringBuilder();
        foreach (var svc in services)
        {
            b.AppendLine($"-A -t {svc.ClusterIp}:{svc.Port} -s rr");
            foreach (var ep in svc.Endpoints) b.AppendLine($"-a -t {svc.ClusterIp}:{svc.Port} -r {ep.Address}:{ep.Port} -m -w 1");
        }
        return b.ToString();
    }
}
