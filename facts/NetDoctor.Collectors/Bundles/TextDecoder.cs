using System.Text;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// Bytes to text for parsers: UTF-8 with replacement characters (never an exception), UTF-16 when a
/// byte-order mark says so (PowerShell's `&gt;` writes UTF-16), and "binary" when NUL bytes appear early.
/// </summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private const int BinaryProbeLength = 8192;

    /// <summary>The decoded text, or null when the content looks binary.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Utf8.GetString(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        if (bytes[..Math.Min(bytes.Length, BinaryProbeLength)].Contains((byte)0)) return null;
        return Utf8.GetString(bytes);
    }

    /// <summary>Whether <paramref name="bytes"/> decode as plain UTF-8: no byte-order mark, no NUL byte early on.</summary>
    public static bool IsPlainUtf8(ReadOnlySpan<byte> bytes) =>
        !bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])
        && !bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
        && !bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
        && !bytes[..Math.Min(bytes.Length, BinaryProbeLength)].Contains((byte)0);

    /// <summary>
    /// The first <paramref name="chars"/> characters of plain UTF-8 <paramref name="bytes"/>, decoding no more than they
    /// can take (at most three bytes a character, and one more whole character so that a cut one falls past them).
    /// </summary>
    public static string Head(ReadOnlySpan<byte> bytes, int chars)
    {
        // ASCII, the usual case: one byte a character, decoded once at the right length.
        // (Plain UTF-8 has no NUL in its first 8 KB; one past that reads as U+FFFD, as in the decoded text: ScrubNul.)
        var first = bytes[..Math.Min(bytes.Length, chars)];
        if (Ascii.IsValid(first)) return Encoding.ASCII.GetString(first);
        string head = Utf8.GetString(bytes[..Math.Min(bytes.Length, chars * 3 + 4)]).Replace('\0', '\uFFFD');
        return head.Length <= chars ? head : head[..chars];
    }

    /// <summary>
    /// NUL bytes past the binary probe would reach facts (and terminals, JSON, SARIF) unseen: replaces them and gives
    /// the line of the first, or null when there is none.
    /// </summary>
    public static int? ScrubNul(ref string text)
    {
        int at = text.IndexOf('\0');
        if (at < 0) return null;
        int line = 1 + text.AsSpan(0, at).Count('\n');
        text = text.Replace('\0', '\uFFFD');
        return line;
    }
}
