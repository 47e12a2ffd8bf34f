using System.Text;

namespace NetDoctor.Collectors.Parsing;

/// <summary>
/// A file decoded with the big sections other files of the read already hold left out: kube-proxy's nat table is the
/// same 11 MB on every node of a 1,000-node bundle, and decoding it on each node made a 25 MB string per node only to
/// recognise it as a copy (the large-object allocations drove the full collections of the big runs). A section
/// <see cref="SharedSections.Known"/> by its bytes' hash keeps its first line in the text, and its other lines become
/// empty ones, so every line number after it stays right; the parser reads it at that first line by its content
/// (<see cref="TryGet"/>, <see cref="SharedSections.Read(ParseInput, int, SectionContent, string, Func{SharedSections.Section}, ParseResult)"/>),
/// and decodes it from the bytes (<see cref="Text"/>) if it must parse it after all.
/// </summary>
public sealed class ElidedSections
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private readonly byte[] _bytes;
    private readonly Dictionary<int, ElidedSection> _byLine;

    private ElidedSections(byte[] bytes, Dictionary<int, ElidedSection> byLine) => (_bytes, _byLine) = (bytes, byLine);

    /// <summary>The section left out whose first line is <paramref name="line"/>.</summary>
    public bool TryGet(int line, out ElidedSection section) => _byLine.TryGetValue(line, out section);

    /// <summary>The section's own text, decoded from the file's bytes.</summary>
    public string Text(ElidedSection section) => Utf8.GetString(_bytes, section.ByteStart, section.Content.Bytes);

    /// <summary>
    /// Decodes <paramref name="bytes"/> (UTF-8 without a byte-order mark) leaving out every one of
    /// <paramref name="candidates"/> that <paramref name="sections"/> already knows; null sections when none is.
    /// </summary>
    public static (string Text, ElidedSections? Elided) Decode(byte[] bytes, IEnumerable<Range> candidates, SharedSections sections)
    {
        // The pieces of the text, in order: bytes to decode as they are, or a number of line breaks (a section left out).
        var pieces = new List<(int Start, int Length, int Breaks)>();
        Dictionary<int, ElidedSection>? byLine = null;
        int done = 0, line = 1;
        foreach (var candidate in candidates)
        {
            var (start, length) = candidate.GetOffsetAndLength(bytes.Length);
            if (start < done || length < SharedSections.MinChars) continue;
            var span = bytes.AsSpan(start, length);
            // A NUL byte is reported at its line by the file's reader; a section left out would hide it.
            if (span.Contains((byte)0)) continue;
            var content = SectionContent.Of(span);
            int firstBreak = span.IndexOfAny((byte)'\n', (byte)'\r');
            if (firstBreak < 0 || !sections.Known(content)) continue;
            line += LineBreaks(bytes.AsSpan(done, start - done));
            int breaks = LineBreaks(span);
            pieces.Add((done, start - done + firstBreak, 0));
            pieces.Add((0, 0, breaks));
            (byLine ??= [])[line] = new ElidedSection(line, breaks + 1, start, content);
            line += breaks;
            done = start + length;
        }
        if (byLine is null) return (Utf8.GetString(bytes), null);
        pieces.Add((done, bytes.Length - done, 0));
        // One string of the final length, decoded in place: pieces, a builder and its copy were each a large object.
        int chars = pieces.Sum(p => p.Breaks + Utf8.GetCharCount(bytes, p.Start, p.Length));
        string text = string.Create(chars, (bytes, pieces), static (into, state) =>
        {
            foreach (var (start, length, breaks) in state.pieces)
            {
                int written = Utf8.GetChars(state.bytes.AsSpan(start, length), into);
                into[written..(written + breaks)].Fill('\n');
                into = into[(written + breaks)..];
            }
        });
        return (text, new ElidedSections(bytes, byLine));
    }

    /// <summary>Line breaks as <see cref="TextLines"/> counts them: LF, CRLF (one) and a lone CR.</summary>
    private static int LineBreaks(ReadOnlySpan<byte> span)
    {
        int breaks = span.Count((byte)'\n');
        for (int cr = span.IndexOf((byte)'\r'); cr >= 0; cr = span.IndexOf((byte)'\r'))
        {
            if (cr + 1 >= span.Length || span[cr + 1] != '\n') breaks++;
            span = span[(cr + 1)..];
        }
        return breaks;
    }
}

/// <summary>A section left out of a decoded file: its first line, how many lines it spans, where its bytes are, what it holds.</summary>
public readonly record struct ElidedSection(int FirstLine, int Lines, int ByteStart, SectionContent Content);
