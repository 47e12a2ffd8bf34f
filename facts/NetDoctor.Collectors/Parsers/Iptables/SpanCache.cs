namespace NetDoctor.Collectors.Parsers.Iptables;

/// <summary>
/// Values keyed by the exact text they were read from, looked up by span so that a hit allocates nothing.
/// Matches and targets are immutable and a big dump repeats them endlessly ("-p tcp", "-m tcp", "-j KUBE-MARK-MASQ",
/// a Service's comment on each of its rules): a hit reuses the instance instead of reading and allocating it again.
/// Bounded, so a dump of unique texts costs no more than a dump without the cache.
/// </summary>
internal sealed class SpanCache<T> where T : class
{
    private const int MaxEntries = 100_000;
    private readonly Dictionary<string, T> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public SpanCache() => _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();

    public bool TryGet(ReadOnlySpan<char> key, out T value) => _lookup.TryGetValue(key, out value!);

    public void Add(ReadOnlySpan<char> key, T value)
    {
        if (_values.Count < MaxEntries && key.Length <= 512) _lookup[key] = value;
    }

    /// <summary>Adds under a string the caller already holds (the value's own text), sparing a copy of the key.</summary>
    public void Add(string key, T value)
    {
        if (_values.Count < MaxEntries && key.Length <= 512) _values[key] = value;
    }
}
