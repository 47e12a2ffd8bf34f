namespace NetDoctor.Engine.Rete;

// Index keys of joins with several equality conjuncts (JoinCompiler.Key) and of reference-equality operands. Parts
// compare with object.Equals, as the == they stand for does on the types JoinCompiler.Hashable admits.

/// <summary>Two equality keys of one join combined.</summary>
internal sealed class PairKey(object? first, object? second) : IEquatable<PairKey>
{
    private readonly object? first = first;
    private readonly object? second = second;
    private readonly int hash = HashCode.Combine(first, second);

    public bool Equals(PairKey? other) =>
        other is not null && other.hash == hash && Equals(first, other.first) && Equals(second, other.second);

    public override bool Equals(object? obj) => obj is PairKey k && Equals(k);

    public override int GetHashCode() => hash;
}

/// <summary>Three equality keys of one join combined.</summary>
internal sealed class TripleKey(object? first, object? second, object? third) : IEquatable<TripleKey>
{
    private readonly object? first = first;
    private readonly object? second = second;
    private readonly object? third = third;
    private readonly int hash = HashCode.Combine(first, second, third);

    public bool Equals(TripleKey? other) =>
        other is not null && other.hash == hash && Equals(first, other.first) && Equals(second, other.second) && Equals(third, other.third);

    public override bool Equals(object? obj) => obj is TripleKey k && Equals(k);

    public override int GetHashCode() => hash;
}

/// <summary>Four or more equality keys of one join combined.</summary>
internal sealed class CompositeKey(object?[] values) : IEquatable<CompositeKey>
{
    private readonly object?[] parts = values;
    private readonly int hash = values.Aggregate(17, (h, p) => h * 31 + (p?.GetHashCode() ?? 0));

    public bool Equals(CompositeKey? other)
    {
        if (other is null || other.hash != hash || other.parts.Length != parts.Length)
        {
            return false;
        }
        for (var i = 0; i < parts.Length; i++)
        {
            if (!Equals(parts[i], other.parts[i]))
            {
                return false;
            }
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is CompositeKey k && Equals(k);

    public override int GetHashCode() => hash;
}

/// <summary>A key compared by reference, for classes whose == is reference equality.</summary>
internal sealed class ReferenceKey(object? value)
{
    private readonly object? value = value;

    public override bool Equals(object? obj) => obj is ReferenceKey k && ReferenceEquals(k.value, value);

    public override int GetHashCode() => value is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(value);
}
