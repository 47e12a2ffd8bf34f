namespace NetDoctor.Collectors.Parsers.Iptables;

/// <summary>A word of a rule as offsets into the rule text; quoted words keep their quotes in the range.</summary>
internal readonly record struct RuleToken(int Start, int End, bool Quoted)
{
    public ReadOnlySpan<char> Span(string text) => text.AsSpan(Start, End - Start);

    public bool IsBang(string text) => !Quoted && End - Start == 1 && text[Start] == '!';

    /// <summary>An option word ("-m", "--dport"), as opposed to a value. Quoted words are always values.</summary>
    public bool IsOption(string text) =>
        !Quoted && End - Start >= 2 && text[Start] == '-' && !char.IsAsciiDigit(text[Start + 1]);

    /// <summary>The value with quotes and backslash escapes removed.</summary>
    public ReadOnlySpan<char> Value(string text)
    {
        if (!Quoted) return Span(text);
        // Quoted: drop the quotes (the closing one may be missing on a truncated line) and unescape \" and \\.
        int end = End - 1 > Start && text[End - 1] == '"' ? End - 1 : End;
        var inner = text.AsSpan(Start + 1, end - Start - 1);
        if (inner.IndexOf('\\') < 0) return inner;
        var sb = new System.Text.StringBuilder(inner.Length);
        for (int i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length) i++;
            sb.Append(inner[i]);
        }
        return sb.ToString();
    }
}
