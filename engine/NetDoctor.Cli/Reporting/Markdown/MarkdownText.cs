using System.Text;
using NetDoctor.Packs.Output;

namespace NetDoctor.Cli.Reporting.Markdown;

/// <summary>
/// Untrusted strings (pack titles, messages, commands; bundle content) as Markdown that renders as the text it is and
/// nothing else: no raw HTML (<c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> become entities, so <c>&lt;/details&gt;</c> or
/// <c>&lt;img onerror&gt;</c> are text), no links or images (<c>[</c> <c>]</c> are escaped, so no
/// <c>javascript:</c> or <c>data:</c> target is ever a link), no emphasis, no table cell breaks, and no heading, list,
/// quote, rule or code block started by a line of the content. Code (ids, paths, commands) is put in a span or fence
/// longer than any backtick run inside it. Control and invisible characters are first shown escaped by
/// <see cref="SafeText"/>.
/// </summary>
public static class MarkdownText
{
    /// <summary>Prose on one line (a heading, a list item, a table cell): line breaks become spaces.</summary>
    public static string Inline(string text) => Escape(SafeText.Escape(text, SafeText.Keep.NewLine).Replace('\n', ' ').Trim());

    /// <summary>Prose that may span lines, written at the start of a line: each of its lines is kept, and none can start a block.</summary>
    public static string Paragraph(string text) =>
        string.Join("\n", SafeText.Escape(text, SafeText.Keep.NewLine).Split('\n').Select(line => Escape(line.Trim())));

    /// <summary>A code span (rule id, node, file:line); <paramref name="inTable"/> also escapes '|', which ends a table cell even inside code.</summary>
    public static string Code(string text, bool inTable = false)
    {
        string code = SafeText.Escape(text, SafeText.Keep.Nothing);
        if (inTable) code = code.Replace("|", "\\|", StringComparison.Ordinal);
        string fence = new('`', LongestRun(code, '`') + 1);
        // A span that starts or ends with a backtick needs a space between it and the fence (which Markdown strips).
        string pad = code.StartsWith('`') || code.EndsWith('`') ? " " : "";
        return fence + pad + code + pad + fence;
    }

    /// <summary>A fenced block holding one command, each line after <paramref name="indent"/>; the fence is longer than any backtick run in it.</summary>
    public static string CodeBlock(string command, string indent)
    {
        string code = SafeText.Escape(command, SafeText.Keep.Nothing);
        string fence = new('`', Math.Max(3, LongestRun(code, '`') + 1));
        return $"{indent}{fence}\n{indent}{code}\n{indent}{fence}";
    }

    private static string Escape(string line)
    {
        var sb = new StringBuilder(line.Length + 8);
        foreach (char c in line)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~': sb.Append('\\').Append(c); break;
                default: sb.Append(c); break;
            }
        }
        return NeutraliseLineStart(sb.ToString());
    }

    /// <summary>
    /// A line that would start a heading (#), a list (- + 1. 1)), a setext underline or rule (= -) is given a backslash
    /// before that marker. Inline text gets the same: after "- " in a list item, "1. x" or "# x" would still nest a
    /// list or a heading. (&gt; and ``` are already escaped, * _ ~ | everywhere.)
    /// </summary>
    private static string NeutraliseLineStart(string line)
    {
        if (line.Length == 0) return line;
        if (line[0] is '#' or '-' or '+' or '=') return "\\" + line;
        int digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits])) digits++;
        // "1. " starts an ordered list; "10.96.0.0/12" does not, and stays as it is.
        if (digits > 0 && digits < line.Length && (line[digits] is '.' or ')') && (digits + 1 == line.Length || line[digits + 1] is ' ' or '\t'))
            return line[..digits] + "\\" + line[digits..];
        return line;
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (char x in text)
        {
            run = x == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
