using System.Collections.Concurrent;

namespace NetDoctor.Packs.Inputs;

/// <summary>
/// Which fact types the inputs held, and on which nodes: recorded as the files are parsed, before the run keeps only
/// the facts its rules can use (a node whose iptables hold no Calico chain still had its iptables read). Safe to fill
/// from the reader's parallel parses; queried once reading is done.
/// </summary>
public sealed class FactsRead
{
    private readonly ConcurrentDictionary<Type, ConcurrentDictionary<string, byte>> _nodes = new();
    private readonly ConcurrentDictionary<Type, IReadOnlyList<Type>> _assignable = new();

    /// <summary>The key standing for "no node" (cluster-scoped facts) in the per-type node sets.</summary>
    private const string NoNode = "\0";

    public void Add(Type type, string? node)
    {
        // Asked for every fact read, from every parse thread: a lock-free lookup first (TryAdd takes a lock even when
        // the node is there, which it almost always is).
        var nodes = _nodes.GetOrAdd(type, static _ => new(StringComparer.Ordinal));
        string key = node ?? NoNode;
        if (!nodes.ContainsKey(key)) nodes.TryAdd(key, 0);
    }

    /// <summary>True when a fact of <paramref name="type"/> (or of a type assignable to it) was read anywhere.</summary>
    public bool Any(Type type) => Read(type).Count > 0;

    /// <summary>True when a fact of <paramref name="type"/> was read on <paramref name="node"/>.</summary>
    public bool On(Type type, string node) => Read(type).Any(t => _nodes[t].ContainsKey(node));

    /// <summary>True when some fact of <paramref name="type"/> was read on a named node.</summary>
    public bool CarriesNode(Type type) => Read(type).Any(t => _nodes[t].Keys.Any(n => n != NoNode));

    /// <summary>Nodes whose own host state (routes, addresses, iptables, …: <see cref="HostFacts"/>) was read, sorted.</summary>
    public IReadOnlyList<string> HostNodes =>
        _nodes.Where(e => HostFacts.Is(e.Key)).SelectMany(e => e.Value.Keys).Where(n => n != NoNode).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The concrete types read that a pattern of <paramref name="type"/> matches (cached: asked per rule and node).</summary>
    private IReadOnlyList<Type> Read(Type type) => _assignable.GetOrAdd(type, t => _nodes.Keys.Where(t.IsAssignableFrom).ToList());
}
