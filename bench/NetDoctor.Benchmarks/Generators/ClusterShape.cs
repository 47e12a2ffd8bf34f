namespace NetDoctor.Benchmarks.Generators;

/// <summary>
/// How big a generated cluster is. Every namespace runs one pod on every node, so every node holds the profile chains
/// of every namespace (Felix programs a profile's chains on the nodes that host its endpoints): the namespace count
/// multiplies the chains the calico pack joins against each node's iptables rules.
/// </summary>
/// <param name="Nodes">Nodes, the first one the control plane; each gets a /22 block of the pod pool.</param>
/// <param name="Namespaces">Application namespaces, each with its kns.&lt;namespace&gt; profile.</param>
/// <param name="ServicesPerNamespace">ClusterIP Services per namespace, each backed by up to <paramref name="EndpointsPerService"/> of its pods.</param>
/// <param name="LongNamespaceEvery">Every n-th namespace gets a name longer than 15 characters, whose profile chains Felix hashes (0: none).</param>
public sealed record ClusterShape(int Nodes, int Namespaces, int ServicesPerNamespace = 1, int EndpointsPerService = 2, int LongNamespaceEvery = 200)
{
    /// <summary>
    /// The namespace-heavy bundle of the pack benchmark: 4 nodes x 400 namespaces (3,200 profile chains among ~42k
    /// iptables rules). Sized so that NRules, which joins every profile chain with every rule, needs seconds, not minutes.
    /// </summary>
    public static ClusterShape NamespaceHeavy { get; } = new(Nodes: 4, Namespaces: 400);

    /// <summary>A /22 block per node holds 1,022 pods, and node indexes fit in the pool's third octet.</summary>
    public void Validate()
    {
        if (Nodes is < 1 or > 64) throw new ArgumentOutOfRangeException(nameof(Nodes), Nodes, "1 to 64 nodes (one /22 of 10.244.0.0/16 each)");
        if (Namespaces is < 1 or > 1_000) throw new ArgumentOutOfRangeException(nameof(Namespaces), Namespaces, "1 to 1,000 namespaces (one pod each per node)");
        if (Namespaces * ServicesPerNamespace > 60_000) throw new ArgumentOutOfRangeException(nameof(ServicesPerNamespace), "more ClusterIPs than 10.96.0.0/16 holds");
    }
}
