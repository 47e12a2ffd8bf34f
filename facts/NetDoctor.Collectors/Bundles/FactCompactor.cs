using System.Collections.Concurrent;
using System.Net;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// Makes the facts a read keeps share what they repeat, across files: one string per node, device, table and rule
/// text, one <see cref="IPAddress"/> and one <see cref="Cidr"/> per value, one parsed form (matches, target) per
/// iptables rule text. At 1,000 nodes every node's routes name the same thousand pod blocks and gateways, every node's
/// BGP lists the same thousand peers and every node's Calico profile chains hold the same rules; each file's parse makes
/// its own copies, so without this the kept facts hold a thousand copies of each. It also ends an iptables rule's slice
/// of its node's whole dump (<see cref="TextSlice"/>): a kept rule kept the dump's text alive (3.6 KB per rule at 100
/// nodes). Values stay equal, only instances are shared (facts are immutable). One per read, used by every parse task.
/// </summary>
internal sealed class FactCompactor
{
    /// <summary>
    /// Each pool stops growing here (an entry costs ~100 bytes): values past it are kept as they are, so an input of
    /// endless unique values does not pay a pool entry for each. A 1,000-node cluster with 30 pods a node has some tens of
    /// thousands of distinct addresses and prefixes.
    /// </summary>
    private const int MaxEntries = 1_000_000;

    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<IPAddress, IPAddress> _addresses = new();
    private readonly ConcurrentDictionary<Cidr, Cidr> _cidrs = new();
    private readonly ConcurrentDictionary<RuleKey, ParsedRule> _rules = new();
    private int _stringCount, _addressCount, _cidrCount, _ruleCount;

    /// <summary>
    /// The fact with its repeated parts shared: a copy for the types whose parts repeat across nodes (routes, iptables
    /// rules, BGP, addresses, links, set members); any other fact is copied only when its node name is a new instance.
    /// </summary>
    public Fact Compact(Fact fact) => fact switch
    {
        Route route => route with
        {
            Node = Name(route.Node),
            Table = Name(route.Table)!,
            Destination = Network(route.Destination),
            Gateway = Address(route.Gateway),
            Device = Name(route.Device),
            ProtocolName = Name(route.ProtocolName),
            PreferredSource = Address(route.PreferredSource),
        },
        IptablesRule rule => Rule(rule),
        BgpPeer peer => peer with { Node = Name(peer.Node), PeerAddress = Address(peer.PeerAddress)! },
        BgpSessionList list => list with { Node = Name(list.Node), PeerAddresses = [.. list.PeerAddresses.Select(a => Address(a)!)] },
        InterfaceAddress address => address with
        {
            Node = Name(address.Node),
            Interface = Name(address.Interface)!,
            Address = Network(address.Address),
            Broadcast = Address(address.Broadcast),
        },
        NetworkLink link => link with { Node = Name(link.Node), Name = Name(link.Name)!, Master = Name(link.Master), Parent = Name(link.Parent) },
        IpSetMember member => member with { Node = Name(member.Node), Set = Name(member.Set)! },
        _ when fact.Node is { } node && !ReferenceEquals(Name(node), node) => fact with { Node = Name(node) },
        _ => fact,
    };

    // Rules with the same table, chain, family, backend and text parse to the same matches and target: the first one
    // seen lends them (and its text, copied out of its dump) to the others.
    private IptablesRule Rule(IptablesRule rule)
    {
        var key = new RuleKey(rule.Table, rule.Chain, rule.Family, rule.Backend, rule.Text);
        if (!_rules.TryGetValue(key, out var shared))
        {
            shared = new ParsedRule(Name(rule.Table)!, Name(rule.Chain)!, rule.Matches, rule.Target, key.Text);
            if (Volatile.Read(ref _ruleCount) < MaxEntries)
            {
                if (_rules.TryAdd(key, shared)) Interlocked.Increment(ref _ruleCount);
                else shared = _rules.GetValueOrDefault(key, shared);
            }
        }
        return rule with
        {
            Node = Name(rule.Node),
            Table = shared.Table,
            Chain = shared.Chain,
            Matches = shared.Matches,
            Target = shared.Target,
            Text = shared.Text,
        };
    }

    private string? Name(string? text) => text is null ? null : Pooled(_strings, text, ref _stringCount);

    private IPAddress? Address(IPAddress? address) => address is null ? null : Pooled(_addresses, address, ref _addressCount);

    private Cidr Network(Cidr cidr) => Pooled(_cidrs, cidr, ref _cidrCount);

    // The pools' sizes are counted here: ConcurrentDictionary.Count takes every lock of the table, and asking it on every
    // fact made the parse threads of a 1,000-node read wait on each other (twice the CPU of the whole run).
    private static T Pooled<T>(ConcurrentDictionary<T, T> pool, T value, ref int count) where T : notnull
    {
        if (pool.TryGetValue(value, out var shared)) return shared;
        if (Volatile.Read(ref count) >= MaxEntries) return value;
        if (pool.TryAdd(value, value))
        {
            Interlocked.Increment(ref count);
            return value;
        }
        return pool.TryGetValue(value, out shared) ? shared : value;
    }

    private readonly record struct RuleKey(string Table, string Chain, IpFamily Family, IptablesBackend Backend, string Text);

    /// <summary>What rules of one text share: the names, the parsed matches and target, the text as a string of its own.</summary>
    private sealed record ParsedRule(string Table, string Chain, IReadOnlyList<IptablesMatch> Matches, IptablesTarget Target, string Text);
}
