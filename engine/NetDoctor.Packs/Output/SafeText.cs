using System.Globalization;
using System.Text;

namespace NetDoctor.Packs.Output;

/// <summary>
/// Makes a string that came from a pack or a bundle harmless to print for a person. Terminals act on control bytes —
/// ESC starts OSC-8 links, window-title changes and cursor moves, CR returns to the start of the line so later text
/// hides what came before — and bidi and zero-width characters make the text shown differ from the text copied
/// ("Trojan Source"). Every such character is replaced by a visible escape, in one notation (docs/output-formats.md):
/// <c>\e \a \b \f \v \r \0</c> (and <c>\t \n</c> where tabs and newlines are not layout) for the common C0 controls,
/// <c>\xHH</c> for the other C0 controls and DEL, <c>\uXXXX</c> (<c>\U0010XXXX</c> above the BMP) for C1 controls and
/// invisible format characters (bidi controls, zero-width spaces and joiners, BOM, tag characters, line and paragraph
/// separators, lone surrogates). Everything else, backslashes included, is left as it is, so a normal command is
/// printed exactly as it must be typed.
/// </summary>
public static class SafeText
{
    /// <summary>Which whitespace controls are layout in the place the text is printed, and so kept.</summary>
    [Flags]
    public enum Keep
    {
        /// <summary>Nothing: a one-line value such as a remediation command (a pasted TAB completes, a pasted LF runs).</summary>
        Nothing = 0,

        /// <summary>TAB stays a TAB.</summary>
        Tab = 1,

        /// <summary>LF (and CR LF, written as LF) stays a line break.</summary>
        NewLine = 2,

        /// <summary>Prose: tabs and line breaks are layout.</summary>
        Prose = Tab | NewLine,
    }

    /// <summary><paramref name="text"/> with every control and invisible format character not kept as layout shown escaped; the same instance when there is none.</summary>
    public static string Escape(string text, Keep keep = Keep.Prose)
    {
        int first = FirstUnsafe(text, keep);
        if (first < 0) return text;
        var sb = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (keep.HasFlag(Keep.NewLine) && c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue; // CR LF: the LF is the line break
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                int codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if (IsInvisible(codePoint)) sb.Append(Notation(codePoint));
                else sb.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            if (Needs(c, keep)) sb.Append(Notation(c));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>True when <see cref="Escape"/> would change <paramref name="text"/>: for a command, it is not safe to paste as printed.</summary>
    public static bool HasUnsafe(string text, Keep keep = Keep.Nothing) => FirstUnsafe(text, keep) >= 0;

    /// <summary>The distinct escapes <paramref name="text"/> needs, in order of appearance (e.g. <c>\e, \r, \u202E</c>), to name them in a warning.</summary>
    public static IReadOnlyList<string> Found(string text, Keep keep = Keep.Nothing)
    {
        var found = new List<string>();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            string? notation = null;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                int codePoint = char.ConvertToUtf32(c, text[++i]);
                if (IsInvisible(codePoint)) notation = Notation(codePoint);
            }
            else if (Needs(c, keep) && !(keep.HasFlag(Keep.NewLine) && c == '\r' && i + 1 < text.Length && text[i + 1] == '\n'))
            {
                notation = Notation(c);
            }
            if (notation is not null && !found.Contains(notation)) found.Add(notation);
        }
        return found;
    }

    private static int FirstUnsafe(string text, Keep keep)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            // Printable ASCII is nearly all real output: decide it with one comparison.
            if (c is >= ' ' and < '\u007f') continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsInvisible(char.ConvertToUtf32(c, text[i + 1]))) return i;
                i++;
                continue;
            }
            if (keep.HasFlag(Keep.NewLine) && c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') return i; // written as a plain LF
            if (Needs(c, keep)) return i;
        }
        return -1;
    }

    private static bool Needs(char c, Keep keep) => c switch
    {
        '\t' => !keep.HasFlag(Keep.Tab),
        '\n' => !keep.HasFlag(Keep.NewLine),
        _ => char.IsSurrogate(c) || IsInvisible(c),
    };

    /// <summary>Controls (C0, DEL, C1), format characters (bidi, zero-width, BOM, soft hyphen, tags) and the Unicode line and paragraph separators.</summary>
    private static bool IsInvisible(int codePoint) => CharUnicodeInfo.GetUnicodeCategory(codePoint) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    private static string Notation(char c) => c switch
    {
        '\u001b' => "\\e",
        '\a' => "\\a",
        '\b' => "\\b",
        '\f' => "\\f",
        '\v' => "\\v",
        '\r' => "\\r",
        '\n' => "\\n",
        '\t' => "\\t",
        '\0' => "\\0",
        < '\u0080' => $"\\x{(int)c:X2}",
        _ => $"\\u{(int)c:X4}",
    };

    private static string Notation(int codePoint) => string.Create(CultureInfo.InvariantCulture, $"\\U{codePoint:X8}");
}
