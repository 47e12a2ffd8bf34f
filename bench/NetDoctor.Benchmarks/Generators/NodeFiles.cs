using System.Text;

namespace NetDoctor.Benchmarks.Generators;

/// <summary>
/// The files `netdoctor collect` writes for one node (see samples/healthy-calico-ipip/w01), generated for a healthy
/// node of the model: every mesh session Established, a route to every other node's block, a default route, the
/// pool in Calico's ipsets, kube-proxy's clusterCIDR = the pool.
/// </summary>
internal static class NodeFiles
{
    /// <summary>File name (relative to the node's folder) -> content; the model's <see cref="ScaleFaults"/> are planted where they show.</summary>
    public static IEnumerable<(string Name, string Text)> For(ClusterModel cluster, NodeModel node, PlantedFault? fault, SharedText shared)
    {
        yield return ("iptables-nft-save.txt", Iptables(cluster, node, fault) + shared.NatTable);
        yield return ("ip-addr.json", Addresses(cluster, node));
        yield return ("ip-link.txt", Links(cluster, node));
        yield return ("ip-route.txt", Routes(cluster, node));
        yield return ("ip-rule.txt", "0:\tfrom all lookup local\n32766:\tfrom all lookup main\n32767:\tfrom all lookup default\n");
        yield return ("ipset-list.txt", Ipsets(node) + shared.SelectorSets);
        yield return ("bird-protocols.txt", Bird(cluster, node));
        yield return ("calico-node-status.txt", CalicoNodeStatus(cluster, node));
        yield return ("kube-proxy-config.yaml", KubeProxyConfig);
        yield return ("processes.txt", Processes(node));
        yield return ("sysctl.txt", Sysctl);
    }

    /// <summary>What every node's files have in common, made once: the nat table and the namespace selector ipsets.</summary>
    internal sealed record SharedText(string NatTable, string SelectorSets);

    public static SharedText Shared(ClusterModel cluster)
    {
        // Calico's nat chains and kube-proxy's Services do not depend on the node.
        var nat = new IptablesTable("nat", "PREROUTING", "INPUT", "OUTPUT", "POSTROUTING");
        CalicoChains.AddNat(nat);
        KubeProxyChains.AddNat(nat, cluster);
        var natText = new StringBuilder();
        nat.WriteTo(natText);
        var sets = new StringBuilder();
        foreach (var pods in cluster.Pods.GroupBy(p => p.Namespace))
        {
            Set(sets, "cali40s:" + Tokens.Of("ns:" + pods.Key, 22, Tokens.Base64Url), "hash:net", [.. pods.Select(p => p.Ip)]);
        }
        return new SharedText(natText.ToString(), sets.ToString());
    }

    private static string Iptables(ClusterModel cluster, NodeModel node, PlantedFault? fault)
    {
        var filter = new IptablesTable("filter", "INPUT", "FORWARD", "OUTPUT");
        CalicoChains.AddFilter(filter, cluster, node, fault);
        var text = new StringBuilder();
        filter.WriteTo(text);
        return text.ToString();
    }

    // `ip -j addr`: lo, eth0 with the node address, and each pod's veth with only its link-local IPv6 address.
    private static string Addresses(ClusterModel cluster, NodeModel node)
    {
        var links = new List<string>
        {
            """{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"qdisc":"noqueue","operstate":"UNKNOWN","group":"default","txqlen":1000,"link_type":"loopback","address":"00:00:00:00:00:00","broadcast":"00:00:00:00:00:00","addr_info":[{"family":"inet","local":"127.0.0.1","prefixlen":8,"scope":"host","label":"lo","valid_life_time":4294967295,"preferred_life_time":4294967295}]}""",
            $$"""{"ifindex":2,"ifname":"eth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"mq","operstate":"UP","group":"default","txqlen":1000,"link_type":"ether","address":"{{node.Mac}}","broadcast":"ff:ff:ff:ff:ff:ff","addr_info":[{"family":"inet","local":"{{node.Ip}}","prefixlen":16,"scope":"global","label":"eth0","valid_life_time":4294967295,"preferred_life_time":4294967295}]}""",
        };
        if (cluster.Shape.Ipip)
        {
            links.Add($$"""{"ifindex":{{TunnelIndex}},"ifname":"tunl0","flags":["NOARP","UP","LOWER_UP"],"mtu":1480,"qdisc":"noqueue","operstate":"UNKNOWN","group":"default","txqlen":1000,"link_type":"ipip","address":"0.0.0.0","broadcast":"0.0.0.0","addr_info":[{"family":"inet","local":"{{node.BlockBase}}","prefixlen":32,"scope":"global","label":"tunl0","valid_life_time":4294967295,"preferred_life_time":4294967295}]}""");
        }
        if (cluster.Faults?.StrayNode == node.Index)
        {
            links.Add($$"""{"ifindex":{{StrayIndex}},"ifname":"{{ScaleFaults.StrayInterface}}","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"mq","operstate":"UP","group":"default","txqlen":1000,"link_type":"ether","address":"00:50:56:a1:5c:7e","broadcast":"ff:ff:ff:ff:ff:ff","addr_info":[{"family":"inet","local":"{{ScaleFaults.StrayAddress}}","prefixlen":{{ScaleFaults.StrayPrefix}},"scope":"global","label":"{{ScaleFaults.StrayInterface}}","valid_life_time":4294967295,"preferred_life_time":4294967295}]}""");
        }
        int index = FirstPodIndex;
        foreach (var pod in cluster.PodsOn(node))
        {
            links.Add($$"""{"ifindex":{{index++}},"link_index":2,"ifname":"{{pod.Interface}}","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","group":"default","txqlen":1000,"link_type":"ether","address":"ee:ee:ee:ee:ee:ee","broadcast":"ff:ff:ff:ff:ff:ff","link_netnsid":{{index - FirstPodIndex - 1}},"addr_info":[{"family":"inet6","local":"fe80::ecee:eeff:feee:eeee","prefixlen":64,"scope":"link","valid_life_time":4294967295,"preferred_life_time":4294967295}]}""");
        }
        return "[" + string.Join(",", links) + "]\n";
    }

    // Interface indexes: lo 1, eth0 2, tunl0 and a stray interface before the pods' veths.
    private const int TunnelIndex = 3, StrayIndex = 4, FirstPodIndex = 10;

    private static string Links(ClusterModel cluster, NodeModel node)
    {
        var text = new StringBuilder();
        text.Append("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n");
        text.Append("    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n");
        text.Append("2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP mode DEFAULT group default qlen 1000\n");
        text.Append($"    link/ether {node.Mac} brd ff:ff:ff:ff:ff:ff\n");
        if (cluster.Shape.Ipip)
        {
            text.Append($"{TunnelIndex}: tunl0@NONE: <NOARP,UP,LOWER_UP> mtu 1480 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\n");
            text.Append("    link/ipip 0.0.0.0 brd 0.0.0.0\n");
        }
        if (cluster.Faults?.StrayNode == node.Index)
        {
            text.Append($"{StrayIndex}: {ScaleFaults.StrayInterface}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP mode DEFAULT group default qlen 1000\n");
            text.Append("    link/ether 00:50:56:a1:5c:7e brd ff:ff:ff:ff:ff:ff\n");
        }
        int index = FirstPodIndex;
        foreach (var pod in cluster.PodsOn(node))
        {
            text.Append($"{index}: {pod.Interface}@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000\n");
            text.Append($"    link/ether ee:ee:ee:ee:ee:ee brd ff:ff:ff:ff:ff:ff link-netnsid {index - FirstPodIndex}\n");
            index++;
        }
        return text.ToString();
    }

    // `ip route show table all`: BIRD's route to every other node's block (ipipMode Never: plain routes over eth0; IPIP:
    // over tunl0, onlink) except a peer whose session is down, a blackhole for the node's own block, a /32 per local
    // pod, and the kernel's local table.
    private static string Routes(ClusterModel cluster, NodeModel node)
    {
        var text = new StringBuilder();
        text.Append($"default via {ClusterModel.Gateway} dev eth0 proto dhcp src {node.Ip} metric 100 \n");
        foreach (var other in cluster.Nodes)
        {
            if (other == node) text.Append($"blackhole {node.Block} proto bird \n");
            else if (cluster.Faults?.IsDown(node, other) == true) continue;
            else if (cluster.Shape.Ipip) text.Append($"{other.Block} via {other.Ip} dev tunl0 proto bird onlink \n");
            else text.Append($"{other.Block} via {other.Ip} dev eth0 proto bird \n");
        }
        foreach (var pod in cluster.PodsOn(node))
        {
            text.Append($"{pod.Ip} dev {pod.Interface} scope link \n");
        }
        text.Append($"172.18.0.0/16 dev eth0 proto kernel scope link src {node.Ip} \n");
        if (cluster.Faults?.StrayNode == node.Index)
        {
            text.Append($"10.244.254.0/{ScaleFaults.StrayPrefix} dev {ScaleFaults.StrayInterface} proto kernel scope link src {ScaleFaults.StrayAddress} \n");
        }
        text.Append("local 127.0.0.0/8 dev lo table local proto kernel scope host src 127.0.0.1 \n");
        text.Append("local 127.0.0.1 dev lo table local proto kernel scope host src 127.0.0.1 \n");
        text.Append("broadcast 127.255.255.255 dev lo table local proto kernel scope link src 127.0.0.1 \n");
        text.Append($"local {node.Ip} dev eth0 table local proto kernel scope host src {node.Ip} \n");
        text.Append($"broadcast 172.18.255.255 dev eth0 table local proto kernel scope link src {node.Ip} \n");
        return text.ToString();
    }

    // Calico's pool sets (what cali-nat-outgoing matches), this host's addresses, and one selector set per namespace
    // holding its pods, as a namespaceSelector policy makes Felix write.
    // (the namespace sets, the same on every node, are appended from SharedText)
    private static string Ipsets(NodeModel node)
    {
        var text = new StringBuilder();
        Set(text, "cali40masq-ipam-pools", "hash:net", [ClusterModel.PoolCidr]);
        Set(text, "cali40all-ipam-pools", "hash:net", [ClusterModel.PoolCidr]);
        Set(text, "cali40this-host", "hash:ip", ["127.0.0.1", node.Ip]);
        return text.ToString();
    }

    // Sets are separated by a blank line; each set ends with one, so they concatenate.
    private static void Set(StringBuilder text, string name, string type, IReadOnlyList<string> members)
    {
        text.Append($"Name: {name}\nType: {type}\nRevision: 7\n");
        text.Append($"Header: family inet hashsize 1024 maxelem 1048576 bucketsize 12 initval 0x{Tokens.Of(name, 8, Tokens.Hex)}\n");
        text.Append($"Size in memory: {504 + members.Count * 16}\nReferences: 1\nNumber of entries: {members.Count}\nMembers:\n");
        foreach (var member in members) text.Append(member).Append('\n');
        text.Append('\n');
    }

    private static string Bird(ClusterModel cluster, NodeModel node)
    {
        var text = new StringBuilder("BIRD 1.6.8 ready.\nAccess restricted\nname     proto    table    state  since       info\n");
        text.Append("kernel1  Kernel   master   up     21:23:04    \ndevice1  Device   master   up     21:23:04    \n");
        text.Append("direct1  Direct   master   up     21:23:04    \nstatic1  Static   master   up     21:23:04    \n");
        foreach (var peer in cluster.Nodes.Where(n => n != node))
        {
            text.Append(cluster.Faults?.IsDown(node, peer) == true
                ? $"{peer.BirdProtocolName} BGP      master   start  21:23:06    Active        Socket: Connection refused\n"
                : $"{peer.BirdProtocolName} BGP      master   up     21:23:06    Established   \n");
        }
        return text.ToString();
    }

    private static string CalicoNodeStatus(ClusterModel cluster, NodeModel node)
    {
        const string rule = "+--------------+-------------------+-------+----------+-------------+\n";
        var text = new StringBuilder("Calico process is running.\n\nIPv4 BGP status\n");
        text.Append(rule).Append("| PEER ADDRESS |     PEER TYPE     | STATE |  SINCE   |    INFO     |\n").Append(rule);
        foreach (var peer in cluster.Nodes.Where(n => n != node))
        {
            text.Append(cluster.Faults?.IsDown(node, peer) == true
                ? $"| {peer.Ip,-12} | node-to-node mesh | start | 21:23:05 | Active Socket: Connection refused |\n"
                : $"| {peer.Ip,-12} | node-to-node mesh | up    | 21:23:05 | Established |\n");
        }
        text.Append(rule).Append("\nIPv6 BGP status\nNo IPv6 peers found.\n\n");
        return text.ToString();
    }

    private const string KubeProxyConfig = """
        apiVersion: kubeproxy.config.k8s.io/v1alpha1
        kind: KubeProxyConfiguration
        bindAddress: 0.0.0.0
        clientConnection:
          kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
        clusterCIDR: "10.244.0.0/16"
        iptables:
          masqueradeAll: false
          masqueradeBit: 14
        mode: "iptables"

        """;

    private static string Processes(NodeModel node) =>
        "UID          PID    PPID  C STIME TTY          TIME CMD\n" +
        $"root        1138       1  1 09:59 ?        00:04:00 /usr/bin/kubelet --config=/var/lib/kubelet/config.yaml --kubeconfig=/etc/kubernetes/kubelet.conf --node-ip={node.Ip}\n" +
        $"root        1255       1  1 09:59 ?        00:04:00 /usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override={node.Name}\n" +
        "root        1372       1  1 09:59 ?        00:04:00 calico-node -felix\n" +
        "root        1489       1  1 09:59 ?        00:04:00 bird -R -s /var/run/calico/bird.ctl -d -c /etc/calico/confd/config/bird.cfg\n";

    private const string Sysctl = """
        net.bridge.bridge-nf-call-iptables = 1
        net.core.somaxconn = 4096
        net.ipv4.conf.all.forwarding = 1
        net.ipv4.conf.all.rp_filter = 0
        net.ipv4.conf.default.rp_filter = 0
        net.ipv4.conf.eth0.rp_filter = 0
        net.ipv4.ip_forward = 1
        net.ipv4.ip_local_port_range = 32768	60999
        net.netfilter.nf_conntrack_max = 262144

        """;
}
