using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Parsers.Iptables;

/// <summary>
/// The tables of an iptables-save dump found in its bytes, exactly as the parser's shared-table path finds them in its
/// text: from a line that starts with '*' to the end of the first whole "COMMIT" line after it, with no other table
/// starting in between, at least <see cref="SharedSections.MinChars"/> long. What the parser would read line by line
/// (a table without its COMMIT, a header with blanks before the '*') is not listed, so it is never left undecoded.
/// </summary>
internal static class IptablesTableBytes
{
    public static IEnumerable<Range> Find(ReadOnlyMemory<byte> bytes)
    {
        int from = 0;
        while (Next(bytes.Span, ref from) is { } table) yield return table;
    }

    // Linear on any input: each COMMIT is looked for once, and of the headers before it only the last can own it.
    private static Range? Next(ReadOnlySpan<byte> bytes, ref int from)
    {
        while (from < bytes.Length)
        {
            int start = from == 0 && bytes[0] == '*' ? 0 : IndexOf(bytes, "\n*"u8, from) is var at and >= 0 ? at + 1 : -1;
            if (start < 0) break;
            // No COMMIT after this header: none after any later header either.
            int commit = IndexOf(bytes, "\nCOMMIT"u8, start);
            if (commit < 0) break;
            int end = commit + "\nCOMMIT".Length;
            from = end;
            // A header with another one before the COMMIT is read line by line (no COMMIT of its own).
            int last = bytes[start..commit].LastIndexOf("\n*"u8);
            if (last >= 0) start += last + 1;
            if (end < bytes.Length && bytes[end] is not ((byte)'\n' or (byte)'\r')) continue;
            if (end - start < SharedSections.MinChars) continue;
            return start..end;
        }
        from = bytes.Length;
        return null;
    }

    private static int IndexOf(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> value, int from)
    {
        int at = bytes[from..].IndexOf(value);
        return at < 0 ? -1 : from + at;
    }
}
