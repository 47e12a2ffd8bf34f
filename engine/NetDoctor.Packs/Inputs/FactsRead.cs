using System.Collections.Concurrent;

namespace NetDoctor.Packs.Inputs;

/// <summary>
/// Which fact types the inputs held, and on which nodes: recorded as the files are parsed, before the run keeps only
/// the facts its rules can use (a node whose iptables hold no Calico chain still had its iptables read). Safe to fill
/// from the reader's parallel parses.
/// </summary>
public sealed class FactsRead
{
    private readonly ConcurrentDictionary<(Type Type, string? Node), byte> _seen = new();

    public void Add(Type type, string? node) => _seen.TryAdd((type, node), 0);

    /// <summary>True when a fact of <paramref name="type"/> (or of a type assignable to it) was read anywhere.</summary>
    public bool Any(Type type) => _seen.Keys.Any(k => type.IsAssignableFrom(k.Type));

    /// <summary>True when a fact of <paramref name="type"/> was read on <paramref name="node"/>.</summary>
    public bool On(Type type, string node) => _seen.Keys.Any(k => k.Node == node && type.IsAssignableFrom(k.Type));

    /// <summary>True when some fact of <paramref name="type"/> was read on a named node.</summary>
    public bool CarriesNode(Type type) => _seen.Keys.Any(k => k.Node is not null && type.IsAssignableFrom(k.Type));

    /// <summary>Nodes whose own host state (routes, addresses, iptables, …: <see cref="HostFacts"/>) was read, sorted.</summary>
    public IReadOnlyList<string> HostNodes =>
        _seen.Keys.Where(k => k.Node is not null && HostFacts.Is(k.Type)).Select(k => k.Node!).Distinct().Order(StringComparer.Ordinal).ToList();
}
