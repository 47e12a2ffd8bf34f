namespace NetDoctor.Facts;

/// <summary>
/// A run of characters inside a larger string, compared by content. A parser of a 300,000-rule dump keeps each rule's
/// text as a slice of the dump it already holds instead of copying every line into a string of its own; the string is
/// made only when someone reads it.
/// </summary>
public readonly struct TextSlice : IEquatable<TextSlice>
{
    private readonly string? _source;
    private readonly int _start;

    public TextSlice(string source, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, source.Length - length);
        _source = source;
        _start = start;
        Length = length;
    }

    public TextSlice(string text) : this(text, 0, text.Length) { }

    public int Length { get; }

    public ReadOnlySpan<char> Span => _source is null ? default : _source.AsSpan(_start, Length);

    /// <summary>The text as a string: the source itself when the slice is all of it, else a copy.</summary>
    public override string ToString() =>
        _source is null ? "" : _start == 0 && Length == _source.Length ? _source : _source.Substring(_start, Length);

    public bool Equals(TextSlice other) => Span.SequenceEqual(other.Span);

    public override bool Equals(object? obj) => obj is TextSlice other && Equals(other);

    public override int GetHashCode() => string.GetHashCode(Span);

    public static bool operator ==(TextSlice left, TextSlice right) => left.Equals(right);

    public static bool operator !=(TextSlice left, TextSlice right) => !left.Equals(right);
}
