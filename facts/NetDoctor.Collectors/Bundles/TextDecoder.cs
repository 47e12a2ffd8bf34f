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
