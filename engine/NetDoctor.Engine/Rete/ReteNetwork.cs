using System.Collections.Concurrent;

namespace NetDoctor.Engine.Rete;

/// <summary>The compiled, immutable network of a rule set: alpha trees per type, beta chains per rule, terminals.</summary>
internal sealed class ReteNetwork(IReadOnlyList<TypeNode> typeNodes, IReadOnlyList<BetaNode> firstNodes, IReadOnlyList<TerminalNode> terminals, int nodeCount)
{
    private readonly ConcurrentDictionary<Type, TypeNode[]> _dispatch = new();
    private readonly BetaNode[] _firstByRule = FirstByRule(firstNodes, terminals.Count);

    /// <summary>Per-session memories are indexed by <see cref="BetaNode.Id"/> below this bound.</summary>
    public int NodeCount { get; } = nodeCount;

    /// <summary>Nodes whose left input is the session's root token (a rule's first element).</summary>
    public IReadOnlyList<BetaNode> FirstNodes { get; } = firstNodes;

    public IReadOnlyList<TerminalNode> Terminals { get; } = terminals;

    /// <summary>The first node of a rule's beta chain (its terminal when the rule has no conditions).</summary>
    public BetaNode FirstNodeOf(int ruleIndex) => _firstByRule[ruleIndex];

    private static BetaNode[] FirstByRule(IReadOnlyList<BetaNode> firstNodes, int rules)
    {
        var byRule = new BetaNode[rules];
        foreach (var node in firstNodes)
        {
            byRule[node.RuleIndex] = node;
        }
        return byRule;
    }

    public TypeNode[] TypeNodesFor(Type runtimeType) =>
        _dispatch.GetOrAdd(runtimeType, static (t, nodes) => nodes.Where(n => n.Type.IsAssignableFrom(t)).ToArray(), typeNodes);
}
