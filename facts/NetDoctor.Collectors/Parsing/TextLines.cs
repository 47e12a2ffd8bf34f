namespace NetDoctor.Collectors.Parsing;

/// <summary>
/// Splits text into 1-based numbered lines without allocating a string per line; accepts LF, CRLF and lone CR.
/// </summary>
public static class TextLines
{
    public delegate void LineAction(int lineNumber, ReadOnlySpan<char> line);

    public static void ForEach(string text, LineAction action) => ForEach(text, 0, text.Length, 1, action);

    /// <summary>
    /// The lines of <paramref name="text"/>[start..start+length], numbered from <paramref name="firstLine"/>; every span
    /// is a slice of <paramref name="text"/> (parsers that keep slices of the text rely on it).
    /// </summary>
    public static void ForEach(string text, int start, int length, int firstLine, LineAction action)
    {
        var span = text.AsSpan(start, length);
        int lineNo = firstLine - 1;
        while (!span.IsEmpty)
        {
            lineNo++;
            int nl = span.IndexOfAny('\n', '\r');
            if (nl < 0)
            {
                action(lineNo, span);
                return;
            }
            action(lineNo, span[..nl]);
            int skip = span[nl] == '\r' && nl + 1 < span.Length && span[nl + 1] == '\n' ? 2 : 1;
            span = span[(nl + skip)..];
        }
    }

    /// <summary>Materialised lines (number, text) for parsers that need look-ahead.</summary>
    public static List<(int Number, string Text)> Split(string text)
    {
        var lines = new List<(int, string)>();
        ForEach(text, (n, l) => lines.Add((n, l.ToString())));
        return lines;
    }
}
