namespace NetDoctor.Engine.Rete;

// Index keys of joins with several equality conjuncts (JoinCompiler.Key) and of reference-equality operands. Parts
// compare with object.Equals, as the == they stand for does on the types JoinCompiler.Hashable admits.

/// <summary>Two equality keys of one join combined.</summary>
internal sealed class PairKey(object? first, object? second) : IEquatable<PairKey>
{
    private readonly object? _first = first;
    private readonly object? _second = second;
    private readonly int _hash = HashCode.Combine(first, second);

    public bool Equals(PairKey? other) =>
        other is not null && other._hash == _hash && Equals(_first, other._first) && Equals(_second, other._second);

    public override bool Equals(object? obj) => obj is PairKey k && Equals(k);

    public override int GetHashCode() => _hash;
}

/// <summary>Three equality keys of one join combined.</summary>
internal sealed class TripleKey(object? first, object? second, object? third) : IEquatable<TripleKey>
{
    private readonly object? _first = first;
    private readonly object? _second = second;
    private readonly object? _third = third;
    private readonly int _hash = HashCode.Combine(first, second, third);

    public bool Equals(TripleKey? other) =>
        other is not null && other._hash == _hash && Equals(_first, other._first) && Equals(_second, other._second) && Equals(_third, other._third);

    public override bool Equals(object? obj) => obj is TripleKey k && Equals(k);

    public override int GetHashCode() => _hash;
}

/// <summary>Four or more equality keys of one join combined.</summary>
internal sealed class CompositeKey(object?[] values) : IEquatable<CompositeKey>
{
    private readonly object?[] _parts = values;
    private readonly int _hash = values.Aggregate(17, (h, p) => h * 31 + (p?.GetHashCode() ?? 0));

    public bool Equals(CompositeKey? other)
    {
        if (other is null || other._hash != _hash || other._parts.Length != _parts.Length)
        {
            return false;
        }
        for (var i = 0; i < _parts.Length; i++)
        {
            if (!Equals(_parts[i], other._parts[i]))
            {
                return false;
            }
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is CompositeKey k && Equals(k);

    public override int GetHashCode() => _hash;
}

/// <summary>A key compared by reference, for classes whose == is reference equality.</summary>
internal sealed class ReferenceKey(object? value)
{
    private readonly object? _value = value;

    public override bool Equals(object? obj) => obj is ReferenceKey k && ReferenceEquals(k._value, _value);

    public override int GetHashCode() => _value is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_value);
}
