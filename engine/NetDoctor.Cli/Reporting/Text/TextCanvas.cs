using NetDoctor.Packs.Output;

namespace NetDoctor.Cli.Reporting.Text;

/// <summary>
/// Writes human output line by line for a <see cref="Terminal"/>: trailing spaces are trimmed from every line (they
/// show up in diffs, mails and CI logs), colour is added only after the line is laid out. It is the boundary between
/// untrusted strings (pack titles, messages and commands; bundle content such as log lines and file names) and the
/// terminal: every piece of text is passed through <see cref="SafeText"/> before it is written, so no control byte
/// reaches the terminal except the colour codes added here.
/// </summary>
public sealed class TextCanvas(TextWriter writer, Terminal terminal)
{
    public int Width => terminal.Width;

    public bool Color => terminal.Color;

    /// <summary>One line: a line break inside <paramref name="text"/> is shown as <c>\n</c>, not obeyed.</summary>
    public void Line(string text = "", Style style = Style.None) =>
        writer.WriteLine(Paint.Apply(SafeText.Escape(text, SafeText.Keep.Tab).TrimEnd(), style, terminal.Color));

    /// <summary>A line made of pieces with their own looks (e.g. a grey rule id then a bold node name).</summary>
    public void Line(params (string Text, Style Style)[] pieces)
    {
        var safe = pieces.Select(p => (Text: SafeText.Escape(p.Text, SafeText.Keep.Tab), p.Style)).ToArray();
        int last = safe.Length - 1;
        while (last >= 0 && safe[last].Text.TrimEnd().Length == 0) last--;
        var line = new System.Text.StringBuilder();
        for (int i = 0; i <= last; i++)
            line.Append(Paint.Apply(i == last ? safe[i].Text.TrimEnd() : safe[i].Text, safe[i].Style, terminal.Color));
        writer.WriteLine(line.ToString());
    }

    /// <summary>Prose wrapped at the terminal width with a hanging indent (escaped first, so the layout counts what is shown).</summary>
    public void Wrapped(string text, string first = "", string? rest = null, Style style = Style.None)
    {
        foreach (string line in Wrap.Hanging(SafeText.Escape(text), Width, first, rest ?? new string(' ', first.Length)))
            Line(line, style);
    }

    /// <summary>
    /// A command to paste, whole on its own line. One that holds a control or invisible character (an ESC, a CR that
    /// would return to the line's start and hide it, a bidi override, a TAB or line break) is printed escaped under a
    /// warning that names them, instead of being silently altered: what is shown is then not what was written.
    /// </summary>
    public void Command(string command, string indent)
    {
        if (SafeText.HasUnsafe(command))
            Line($"{indent}! not safe to paste: this command contains control or invisible characters, shown escaped ({string.Join(" ", SafeText.Found(command))})", Style.Warning);
        Line(indent + SafeText.Escape(command, SafeText.Keep.Nothing), Style.Command);
    }
}
