using NetDoctor.Packs.Diagnoses;

namespace NetDoctor.Rules.Calico.Remediation;

/// <summary>Turns a <see cref="BgpAddressCase"/> into the diagnosis an operator reads: message, evidence, commands.</summary>
public static class BgpAddressReport
{
    /// <summary>The diagnosis of one case (id, severity and title come from the rule's metadata).</summary>
    public static DiagnosisBuilder Describe(DiagnosisBuilder d, BgpAddressCase c) => d
        .Message(Message(c))
        .Node(c.Node)
        .Evidence(EvidenceFacts(c))
        .Remediation(Steps(c))
        .Reference("https://docs.tigera.io/calico/latest/networking/ipam/ip-autodetection");

    public static string Message(BgpAddressCase c)
    {
        string wrong = string.Join(", ", c.WrongAddresses.Select(a => a.Address.ToString()));
        string where = c.StrayInterfaces.Count > 0 ? $" (interface {string.Join(", ", c.StrayInterfaces)} on {c.Node})" : "";
        string kube = c.KubernetesAddress is { } k ? $"its Kubernetes InternalIP {k}" : "any Kubernetes node address";
        var seen = new List<string>();
        if (c.Findings.Any(f => f.ObservedBy is null && f.SeenAs.StartsWith("spec.bgp.", StringComparison.Ordinal)))
            seen.Add($"Calico Node {c.CalicoNodeName} has spec.bgp.ipv4Address {string.Join(", ", c.Findings.Where(f => f.ObservedBy is null && f.SeenAs.StartsWith("spec.bgp.", StringComparison.Ordinal)).Select(f => f.BgpAddress))}");
        // Findings read from BIRD's configuration say themselves where they were seen.
        seen.AddRange(c.Findings.Where(f => f.ObservedBy is null && !f.SeenAs.StartsWith("spec.bgp.", StringComparison.Ordinal)).Select(f => f.SeenAs).Distinct(StringComparer.Ordinal));
        if (c.ObservedBy.Count > 0)
            seen.Add($"the BGP session from {string.Join(", ", c.ObservedBy)} to {wrong} is not Established");
        return $"Calico on node {c.Node} uses BGP address {wrong}{where}, which is not {kube}: {string.Join("; ", seen)}. " +
               $"IP autodetection ({c.AutodetectionMethod}) picked the wrong interface, so the node-to-node mesh to {c.Node} cannot come up " +
               $"and {c.Node} learns no routes to the other nodes' pod blocks.";
    }

    private static IReadOnlyList<object> EvidenceFacts(BgpAddressCase c)
    {
        var facts = new List<object>();
        foreach (var finding in c.Findings)
        {
            facts.Add(finding);
            facts.AddRange(finding.From);
        }
        facts.AddRange(c.KubeNodes);
        if (c.KubernetesInterface is { } k) facts.Add(k);
        facts.AddRange(c.Settings);
        // The same peer is often reported twice (birdcl and calicoctl): the diagnosis keeps one line per distinct fact
        // text and source.
        return facts;
    }

    public static IReadOnlyList<RemediationStep> Steps(BgpAddressCase c)
    {
        var steps = new List<RemediationStep>();
        string? goodInterface = c.KubernetesInterface?.Interface;
        if (c.OperatorManaged)
        {
            steps.Add(new("Pin the Tigera operator's IPv4 autodetection to the Kubernetes InternalIP of each node",
                "kubectl patch installation.operator.tigera.io default --type merge -p '{\"spec\":{\"calicoNetwork\":{\"nodeAddressAutodetectionV4\":{\"kubernetes\":\"NodeInternalIP\"}}}}'"));
        }
        else
        {
            steps.Add(new("Pin calico-node's IP autodetection to the Kubernetes InternalIP instead of the first interface found",
                $"kubectl set env daemonset/calico-node -n {c.CalicoNamespace} IP_AUTODETECTION_METHOD=kubernetes-internal-ip"));
            if (goodInterface is not null)
            {
                steps.Add(new($"Or pin it to the interface that carries {c.KubernetesAddress} on {c.Node}",
                    $"kubectl set env daemonset/calico-node -n {c.CalicoNamespace} IP_AUTODETECTION_METHOD=interface={goodInterface}"));
            }
        }
        foreach (string stray in c.StrayInterfaces)
        {
            var onStray = c.Addresses.Where(a => a.Interface == stray).ToList();
            bool carriesKubernetesAddress = c.KubernetesAddress is { } k && onStray.Any(a => a.Address.Address.Equals(k));
            var wrongHere = c.WrongAddresses.Where(w => onStray.Any(a => a.Address.Address.Equals(w.Address)) || onStray.Count == 0).ToList();
            if (carriesKubernetesAddress)
            {
                steps.Add(new($"On {c.Node}, remove the extra address from {stray} (the interface also carries the Kubernetes address, so keep the interface)",
                    string.Join(" && ", wrongHere.Select(w => $"ip addr del {w} dev {stray}"))));
            }
            else
            {
                steps.Add(new($"On {c.Node}, delete the stray interface {stray} if nothing uses it (it is not the node's Kubernetes interface)",
                    $"ip link delete {stray}"));
            }
        }
        if (c.KubernetesInterface is { } good)
        {
            steps.Add(new($"Set the stored BGP address of Calico Node {c.CalicoNodeName} to its Kubernetes address (autodetection only rewrites it on restart)",
                $"calicoctl patch node {c.CalicoNodeName} -p '{{\"spec\":{{\"bgp\":{{\"ipv4Address\":\"{good.Address}\"}}}}}}'"));
        }

        steps.Add(c.CalicoPod is { } pod
            ? new($"Restart calico-node on {c.Node} so it re-detects its address", $"kubectl delete pod -n {pod.Namespace} {pod.Name}")
            : new($"Restart calico-node on {c.Node} so it re-detects its address",
                $"kubectl delete pod -n {c.CalicoNamespace} -l k8s-app=calico-node --field-selector spec.nodeName={c.Node}"));
        steps.Add(new($"Check that every peer of {c.Node} now reaches it on its Kubernetes address (state Established)", "calicoctl node status"));
        return steps;
    }
}
