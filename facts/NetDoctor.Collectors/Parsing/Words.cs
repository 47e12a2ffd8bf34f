namespace NetDoctor.Collectors.Parsing;

/// <summary>
/// Whitespace-separated words of a line as spans (no allocation), for the many tool outputs that are
/// "keyword value keyword value ..." (ip route, ip rule, ip addr, ipset headers). A no-break space (U+00A0,
/// left by outputs pasted through web pages) separates words like a blank.
/// </summary>
public ref struct Words
{
    private ReadOnlySpan<char> _rest;

    public Words(ReadOnlySpan<char> line) => _rest = line;

    public ReadOnlySpan<char> Rest => _rest.TrimStart();

    public bool Next(out ReadOnlySpan<char> word)
    {
        _rest = _rest.TrimStart();
        if (_rest.IsEmpty)
        {
            word = default;
            return false;
        }
        int end = _rest.IndexOfAny(' ', '\t', '\u00A0');
        if (end < 0) end = _rest.Length;
        word = _rest[..end];
        _rest = _rest[end..];
        return true;
    }

    /// <summary>Reads the next word or returns empty when the line ends.</summary>
    public ReadOnlySpan<char> NextOrEmpty() => Next(out var w) ? w : default;
}
