namespace NetDoctor.Collectors.Parsers.Iptables;

/// <summary>
/// Values keyed by the exact text they were read from, looked up by span so that a hit allocates nothing.
/// Matches and targets are immutable and a big dump repeats them endlessly ("-p tcp", "-m tcp", "-j KUBE-MARK-MASQ",
/// a Service's comment on each of its rules): a hit reuses the instance instead of reading and allocating it again.
/// </summary>
/// <remarks>
/// A text is admitted on its second sighting: kube-proxy writes a unique comment and DNAT target per endpoint, and caching
/// every one of those would copy its key and grow the table for nothing. The first sighting only sets a bit in a bitmap
/// indexed by the text's hash (a bit already set by another text admits one sighting early; harmless). The bitmap starts
/// at 512 bytes and grows 16-fold whenever a quarter of its bits are set, up to 512 KB: a node's own 500-line filter
/// table must not pay for the bitmap of a 300,000-rule nat table (three caches per parse, 1.5 MB of zeroed memory each
/// parse, were 150 MB at 100 nodes). Growing forgets the earlier sightings, so those texts wait one sighting more.
/// Bounded, so a dump of unique texts costs no more than a dump without the cache.
/// </remarks>
internal sealed class SpanCache<T> where T : class
{
    private const int MaxEntries = 100_000;
    private const int MaxKeyLength = 512;
    private readonly Dictionary<string, T> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private const int MinSeenBits = 1 << 12;
    private const int MaxSeenBits = 1 << 22;
    private ulong[]? _seenOnce;
    private int _seenBits;
    private int _sightings;

    public SpanCache() => _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();

    public bool TryGet(ReadOnlySpan<char> key, out T value) => _lookup.TryGetValue(key, out value!);

    public void Add(ReadOnlySpan<char> key, T value)
    {
        if (Admit(key)) _lookup[key] = value;
    }

    /// <summary>Adds under a string the caller already holds (the value's own text), sparing a copy of the key.</summary>
    public void Add(string key, T value)
    {
        if (Admit(key)) _values[key] = value;
    }

    private bool Admit(ReadOnlySpan<char> key)
    {
        if (_values.Count >= MaxEntries || key.Length > MaxKeyLength) return false;
        if (_seenOnce is null || (_sightings > _seenBits / 4 && _seenBits < MaxSeenBits))
        {
            _seenBits = _seenOnce is null ? MinSeenBits : Math.Min(MaxSeenBits, _seenBits * 16);
            _seenOnce = new ulong[_seenBits / 64];
            _sightings = 0;
        }
        uint bit = (uint)string.GetHashCode(key) % (uint)_seenBits;
        ref ulong word = ref _seenOnce[bit / 64];
        ulong mask = 1UL << (int)(bit % 64);
        if ((word & mask) != 0) return true;
        word |= mask;
        _sightings++;
        return false;
    }
}
