namespace NetDoctor.Collectors.Parsing;

/// <summary>
/// Per-parse string interning keyed by spans: big inputs repeat a few names (chains, tables, set names,
/// devices) hundreds of thousands of times, and one string per distinct name keeps allocations bounded.
/// Not thread-safe; create one per parse.
/// </summary>
public sealed class StringPool
{
    private const int MaxEntries = 1_000_000;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return "";
        if (_lookup.TryGetValue(text, out var s)) return s;
        s = text.ToString();
        // Only short names are worth keeping, and only so many: long or endless unique text (a 10 MB garbage line,
        // millions of endpoint addresses) must not make the table outgrow the facts. The cap is above the ~100k chains
        // kube-proxy declares for 10k Services, so every rule of such a dump shares its chain's one name string.
        if (text.Length <= 256 && _strings.Count < MaxEntries) _strings[s] = s;
        return s;
    }
}
