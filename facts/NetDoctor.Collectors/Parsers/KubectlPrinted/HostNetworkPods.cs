using System.Net;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.KubectlPrinted;

/// <summary>
/// Which pods of a pasted table run in their node's network namespace. The table does not say, but two facts do:
/// a pod whose IP is its node's address (from a nodes table in the same paste), or whose IP another pod on the same
/// node also has — only host-network pods share an address. A pod IP in a Calico pool check must not count those.
/// </summary>
internal static class HostNetworkPods
{
    public static void Infer(List<Fact> facts)
    {
        var nodeAddresses = facts.OfType<KubeNode>()
            .SelectMany(n => n.IpAddresses.Select(ip => (n.Name, ip)))
            .ToHashSet();
        var shared = facts.OfType<KubePod>()
            .Where(p => p.NodeName is not null)
            .SelectMany(p => p.PodIps.Select(ip => (Node: p.NodeName!, Ip: ip)))
            .GroupBy(k => k)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToHashSet();
        for (int i = 0; i < facts.Count; i++)
        {
            if (facts[i] is not KubePod { HostNetwork: false, NodeName: { } node } pod || pod.PodIps.Count == 0) continue;
            IPAddress ip = pod.PodIps[0];
            if (shared.Contains((node, ip)) || nodeAddresses.Contains((node, ip)) || pod.HostIp is not null && pod.HostIp.Equals(ip))
                facts[i] = pod with { HostNetwork = true };
        }
    }
}
