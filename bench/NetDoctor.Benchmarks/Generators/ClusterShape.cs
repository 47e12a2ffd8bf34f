namespace NetDoctor.Benchmarks.Generators;

/// <summary>
/// How big a generated cluster is. Every namespace runs <paramref name="PodsPerNamespace"/> pods on every node, so every
/// node holds the profile chains of every namespace (Felix programs a profile's chains on the nodes that host its
/// endpoints): the namespace count multiplies the chains the calico pack joins against each node's iptables rules.
/// </summary>
/// <param name="Nodes">Nodes, the first one the control plane; each gets one block of the pod pool (see <see cref="BlockPrefix"/>).</param>
/// <param name="Namespaces">Application namespaces, each with its kns.&lt;namespace&gt; profile.</param>
/// <param name="ServicesPerNamespace">ClusterIP Services per namespace, each backed by up to <paramref name="EndpointsPerService"/> of its pods.</param>
/// <param name="LongNamespaceEvery">Every n-th namespace gets a name longer than 15 characters, whose profile chains Felix hashes (0: none).</param>
/// <param name="PodsPerNamespace">Pods of each namespace on each node.</param>
/// <param name="Ipip">The pool's ipipMode is Always: BIRD's routes go over tunl0 (onlink), which holds the block's first address.</param>
public sealed record ClusterShape(int Nodes, int Namespaces, int ServicesPerNamespace = 1, int EndpointsPerService = 2, int LongNamespaceEvery = 200,
    int PodsPerNamespace = 1, bool Ipip = false)
{
    /// <summary>
    /// The namespace-heavy bundle of the pack benchmark: 4 nodes x 400 namespaces (3,200 profile chains among ~42k
    /// iptables rules). Sized so that NRules, which joins every profile chain with every rule, needs seconds, not minutes.
    /// </summary>
    public static ClusterShape NamespaceHeavy { get; } = new(Nodes: 4, Namespaces: 400);

    /// <summary>
    /// The cluster of issue 12's scale benchmark: an IPIP full mesh of <paramref name="nodes"/> nodes, 30 pods per node
    /// (10 namespaces x 3), 10 Services per node up to 10,000, kube-proxy's iptables mode on every node.
    /// </summary>
    public static ClusterShape Scale(int nodes) =>
        new(nodes, Namespaces: 10, ServicesPerNamespace: Math.Min(nodes, 1_000), LongNamespaceEvery: 0, PodsPerNamespace: 3, Ipip: true);

    public int PodsPerNode => Namespaces * PodsPerNamespace;

    /// <summary>Calico's default /26 block (62 pods, the tunnel address, 1,024 blocks in the pool) when the pods fit, else a /22 (1,022 pods, 64 blocks).</summary>
    public int BlockPrefix => PodsPerNode <= 62 ? 26 : 22;

    /// <summary>Blocks fit in 10.244.0.0/16 below 10.244.252.0 (the top /22 is left free for planted faults).</summary>
    public void Validate()
    {
        int maxNodes = BlockPrefix == 26 ? 1_008 : 63;
        if (Nodes < 1 || Nodes > maxNodes) throw new ArgumentOutOfRangeException(nameof(Nodes), Nodes, $"1 to {maxNodes} nodes (one /{BlockPrefix} of 10.244.0.0/16 each)");
        if (PodsPerNode is < 1 or > 1_000) throw new ArgumentOutOfRangeException(nameof(Namespaces), PodsPerNode, "1 to 1,000 pods per node");
        if (Namespaces * ServicesPerNamespace > 60_000) throw new ArgumentOutOfRangeException(nameof(ServicesPerNamespace), "more ClusterIPs than 10.96.0.0/16 holds");
    }
}
