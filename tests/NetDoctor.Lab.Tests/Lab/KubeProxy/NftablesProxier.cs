using System.Text;

namespace NetDoctor.Lab.Tests.Lab.KubeProxy;

/// <summary>kube-proxy in nftables mode on one node: its own table <c>ip kube-proxy</c> as the nftables proxier writes it
/// (pkg/proxy/nftables/proxier.go; the base chains, sets and maps of its TestOverallNFTablesRules): the service-ips verdict map
/// sends ClusterIP:port to a service-… chain, which sends to an endpoint-… chain that DNATs; traffic marked by mark-for-masquerade
/// is masqueraded in nat postrouting. Only with a cluster CIDR does each service chain get kube-proxy's masquerade decision,
/// <c>ip saddr != &lt;cluster CIDR&gt; jump mark-for-masquerade</c>. Nothing here is emulated: this is the kernel's nftables.</summary>
public static class NftablesProxier
{
    public static Task ProgramAsync(LabHost node, string? clusterCidr, string serviceCidr, string nodeAddress, IReadOnlyList<ServicePort> services)
    {
        var b = new StringBuilder();
        void Add(string line) => b.Append(line).Append('\n');
        Add("add table ip kube-proxy { comment \"rules for kube-proxy\" ; }");
        Add("add set ip kube-proxy cluster-ips { type ipv4_addr ; comment \"Active ClusterIPs\" ; }");
        Add("add set ip kube-proxy nodeport-ips { type ipv4_addr ; comment \"IPs that accept NodePort traffic\" ; }");
        Add("add map ip kube-proxy no-endpoint-services { type ipv4_addr . inet_proto . inet_service : verdict ; comment \"vmap to drop or reject packets to services with no endpoints\" ; }");
        Add("add map ip kube-proxy service-ips { type ipv4_addr . inet_proto . inet_service : verdict ; comment \"ClusterIP, ExternalIP and LoadBalancer IP traffic\" ; }");
        Add("add chain ip kube-proxy cluster-ips-check");
        Add("add chain ip kube-proxy filter-forward { type filter hook forward priority 0 ; }");
        Add("add chain ip kube-proxy filter-output { type filter hook output priority 0 ; }");
        Add("add chain ip kube-proxy mark-for-masquerade");
        Add("add chain ip kube-proxy masquerading");
        Add("add chain ip kube-proxy nat-output { type nat hook output priority -100 ; }");
        Add("add chain ip kube-proxy nat-postrouting { type nat hook postrouting priority 100 ; }");
        Add("add chain ip kube-proxy nat-prerouting { type nat hook prerouting priority -100 ; }");
        Add("add chain ip kube-proxy services");
        Add("add chain ip kube-proxy service-endpoints-check");
        Add("add rule ip kube-proxy cluster-ips-check ip daddr @cluster-ips reject comment \"Reject traffic to invalid ports of ClusterIPs\"");
        Add($"add rule ip kube-proxy cluster-ips-check ip daddr {{ {serviceCidr} }} drop comment \"Drop traffic to unallocated ClusterIPs\"");
        Add("add rule ip kube-proxy filter-forward ct state new jump service-endpoints-check");
        Add("add rule ip kube-proxy filter-forward ct state new jump cluster-ips-check");
        Add("add rule ip kube-proxy filter-output ct state new jump service-endpoints-check");
        Add("add rule ip kube-proxy filter-output ct state new jump cluster-ips-check");
        Add("add rule ip kube-proxy mark-for-masquerade mark set mark or 0x4000");
        Add("add rule ip kube-proxy masquerading mark and 0x4000 == 0 return");
        Add("add rule ip kube-proxy masquerading mark set mark xor 0x4000");
        Add("add rule ip kube-proxy masquerading masquerade fully-random");
        Add("add rule ip kube-proxy nat-output jump services");
        Add("add rule ip kube-proxy nat-postrouting jump masquerading");
        Add("add rule ip kube-proxy nat-prerouting jump services");
        Add("add rule ip kube-proxy services ip daddr . meta l4proto . th dport vmap @service-ips");
        Add("add rule ip kube-proxy service-endpoints-check ip daddr . meta l4proto . th dport vmap @no-endpoint-services");
        Add($"add element ip kube-proxy nodeport-ips {{ {nodeAddress} }}");
        foreach (var svc in services)
        {
            var chain = $"service-{svc.Hash8}-{svc.Namespace}/{svc.Name}/tcp/{svc.PortName}";
            var endpoints = svc.Endpoints.Select(e => (e, Chain: $"endpoint-{ServicePort.HashOf(svc.PortId + e.Address)[..8]}-{svc.Namespace}/{svc.Name}/tcp/{svc.PortName}__{e.Address}/{e.Port}")).ToList();
            Add($"add chain ip kube-proxy {chain}");
            foreach (var (_, endpointChain) in endpoints) Add($"add chain ip kube-proxy {endpointChain}");
            if (clusterCidr is not null)
                Add($"add rule ip kube-proxy {chain} ip daddr {svc.ClusterIp} tcp dport {svc.Port} ip saddr != {clusterCidr} jump mark-for-masquerade");
            var vmap = string.Join(", ", endpoints.Select((e, i) => $"{i} : goto {e.Chain}"));
            Add($"add rule ip kube-proxy {chain} numgen random mod {endpoints.Count} vmap {{ {vmap} }}");
            foreach (var ((address, port), endpointChain) in endpoints)
            {
                Add($"add rule ip kube-proxy {endpointChain} ip saddr {address} jump mark-for-masquerade");
                Add($"add rule ip kube-proxy {endpointChain} meta l4proto tcp dnat to {address}:{port}");
            }
            Add($"add element ip kube-proxy cluster-ips {{ {svc.ClusterIp} }}");
            Add($"add element ip kube-proxy service-ips {{ {svc.ClusterIp} . tcp . {svc.Port} : goto {chain} }}");
        }
        return node.NftAsync(b.ToString());
    }
}
