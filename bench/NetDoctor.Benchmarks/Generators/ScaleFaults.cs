using System.Text.Json;

namespace NetDoctor.Benchmarks.Generators;

/// <summary>
/// The two faults issue 12's scale bundle plants, each with the diagnoses the built-in packs must make for it:
/// <list type="bullet">
/// <item>a stray interface (<see cref="StrayInterface"/>, <see cref="StrayAddress"/>) on one node whose address lies
/// inside the natOutgoing pool (incident 000): calico/ippool-overlaps-node-network, once, on that node;</item>
/// <item>one BGP mesh session down (incident 001), seen from both ends: BIRD and calicoctl say Active (connection
/// refused) and neither node has a route to the other's block: calico/bgp-session-down on each of the two nodes.</item>
/// </list>
/// </summary>
/// <param name="StrayNode">Index of the node with the stray interface.</param>
/// <param name="BgpDown">Indexes of the two nodes whose session is down.</param>
public sealed record ScaleFaults(int StrayNode, (int A, int B) BgpDown)
{
    public const string StrayInterface = "ens256";
    /// <summary>In the pool 10.244.0.0/16, above every node's block (see <see cref="ClusterShape.Validate"/>).</summary>
    public const string StrayAddress = "10.244.254.10";
    public const int StrayPrefix = 24;

    public const string PoolOverlapRule = "calico/ippool-overlaps-node-network";
    public const string BgpDownRule = "calico/bgp-session-down";

    /// <summary>Spread over the cluster: the BGP session between the nodes at a third and two thirds, the stray interface on the middle node.</summary>
    public static ScaleFaults For(ClusterShape shape) =>
        shape.Nodes < 2 ? throw new ArgumentOutOfRangeException(nameof(shape), "a BGP session needs two nodes")
        : new(StrayNode: shape.Nodes / 2, BgpDown: (Math.Max(1, shape.Nodes / 3), Math.Max(2, 2 * shape.Nodes / 3) % shape.Nodes));

    internal void Validate(IReadOnlyList<NodeModel> nodes)
    {
        if (StrayNode < 0 || StrayNode >= nodes.Count || BgpDown.A == BgpDown.B || BgpDown.A >= nodes.Count || BgpDown.B >= nodes.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(nodes), $"faults {this} do not fit {nodes.Count} nodes");
        }
    }

    internal bool IsDown(NodeModel node, NodeModel peer) =>
        (node.Index, peer.Index) == BgpDown || (peer.Index, node.Index) == BgpDown;

    /// <summary>The diagnoses (rule id, node) the built-in packs must make, and no other; the pool's is on the stray interface's node.</summary>
    public IReadOnlyList<ExpectedDiagnosis> ExpectedDiagnoses(IReadOnlyList<string> nodes) =>
    [
        new(PoolOverlapRule, nodes[StrayNode], $"{nodes[StrayNode]} {StrayAddress} (interface {StrayInterface}"),
        new(BgpDownRule, nodes[BgpDown.A], $"1 of the {nodes.Count - 1} BGP sessions reported for node {nodes[BgpDown.A]}"),
        new(BgpDownRule, nodes[BgpDown.B], $"1 of the {nodes.Count - 1} BGP sessions reported for node {nodes[BgpDown.B]}"),
    ];

    /// <summary>expected.json: what a run of the bundle must report, for scripts and the scale benchmark.</summary>
    public static string ToJson(IReadOnlyList<ExpectedDiagnosis> diagnoses) =>
        JsonSerializer.Serialize(new { diagnoses }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
}

/// <param name="MessageContains">Text the diagnosis's message must contain.</param>
public sealed record ExpectedDiagnosis(string RuleId, string? Node, string MessageContains);
