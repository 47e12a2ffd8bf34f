using NetDoctor.Facts;
using NetDoctor.Packs.Types;

namespace NetDoctor.Rules.Calico.Facts;

/// <summary>
/// Derived: the address Calico uses to reach <see cref="AffectedNode"/> over BGP is not that node's Kubernetes address.
/// Seen either on the node's own Calico Node resource, or from another node whose mesh peer is an address that
/// belongs to a stray interface of <see cref="AffectedNode"/> (incident 001: 192.188.1.1 on k8s02).
/// </summary>
public sealed class WrongBgpAddress : DerivedFact
{
    public WrongBgpAddress() : base(CalicoCSharpPack.Name, nameof(WrongBgpAddress))
    {
    }

    /// <summary>The node whose BGP address is wrong.</summary>
    public required string AffectedNode { get; init; }

    /// <summary>The wrong address (with the prefix length of the interface or Node resource when known).</summary>
    public required Cidr BgpAddress { get; init; }

    /// <summary>The interface of <see cref="AffectedNode"/> that holds <see cref="BgpAddress"/>, when known.</summary>
    public string? Interface { get; init; }

    /// <summary>Where the wrong address was seen: "spec.bgp.ipv4Address of Calico Node …", "mesh peer of &lt;node&gt;", or
    /// a sentence naming the BIRD configuration line it was read from.</summary>
    public required string SeenAs { get; init; }

    /// <summary>The node whose BGP session to <see cref="BgpAddress"/> is down (mesh observation only).</summary>
    public string? ObservedBy { get; init; }

    /// <summary>The raw facts this was concluded from (shown as evidence of the diagnosis; internal so that the
    /// fact's one-line summary, built from its public fields, stays short).</summary>
    internal IReadOnlyList<Fact> From { get; init; } = [];
}
