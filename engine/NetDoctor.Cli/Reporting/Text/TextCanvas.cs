namespace NetDoctor.Cli.Reporting.Text;

/// <summary>
/// Writes human output line by line for a <see cref="Terminal"/>: trailing spaces are trimmed from every line (they
/// show up in diffs, mails and CI logs), colour is added only after the line is laid out.
/// </summary>
public sealed class TextCanvas(TextWriter writer, Terminal terminal)
{
    public int Width => terminal.Width;

    public bool Color => terminal.Color;

    public void Line(string text = "", Style style = Style.None) =>
        writer.WriteLine(Paint.Apply(text.TrimEnd(), style, terminal.Color));

    /// <summary>A line made of pieces with their own looks (e.g. a grey rule id then a bold node name).</summary>
    public void Line(params (string Text, Style Style)[] pieces)
    {
        int last = pieces.Length - 1;
        while (last >= 0 && pieces[last].Text.TrimEnd().Length == 0) last--;
        var line = new System.Text.StringBuilder();
        for (int i = 0; i <= last; i++)
            line.Append(Paint.Apply(i == last ? pieces[i].Text.TrimEnd() : pieces[i].Text, pieces[i].Style, terminal.Color));
        writer.WriteLine(line.ToString());
    }

    /// <summary>Prose wrapped at the terminal width with a hanging indent.</summary>
    public void Wrapped(string text, string first = "", string? rest = null, Style style = Style.None)
    {
        foreach (string line in Wrap.Hanging(text, Width, first, rest ?? new string(' ', first.Length)))
            Line(line, style);
    }
}
