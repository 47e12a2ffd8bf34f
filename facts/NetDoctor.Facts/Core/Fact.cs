namespace NetDoctor.Facts;

/// <summary>
/// Base of every raw fact a collector produces. A fact is immutable, remembers its <see cref="Source"/>
/// and, when it belongs to one machine, the <see cref="Node"/> it was read on (null for cluster-scoped facts).
/// </summary>
/// <remarks>
/// Facts are records so that two reads of the same line compare equal; the engine tracks identity by reference,
/// so equal facts inserted twice are still two facts.
/// </remarks>
public abstract record Fact
{
    public required Source Source { get; init; }

    public string? Node { get; init; }

    /// <summary>One short human line naming the fact, used in evidence lists ("default-ipv4-ippool 192.168.0.0/16").</summary>
    public abstract string Summary { get; }
}
