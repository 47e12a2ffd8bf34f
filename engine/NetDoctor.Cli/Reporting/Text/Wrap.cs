namespace NetDoctor.Cli.Reporting.Text;

/// <summary>
/// Word wrapping that never splits a word. Ids, paths, CIDRs, flags and file:line sources contain no spaces, so they
/// are words and stay whole; a word longer than the line gets a line of its own and overflows it (the terminal may
/// soft-wrap it on screen, but the text itself keeps it in one piece, so it can be copied or grepped).
/// </summary>
public static class Wrap
{
    /// <summary>The lines of <paramref name="text"/> wrapped at <paramref name="width"/>; embedded newlines start new lines.</summary>
    public static IReadOnlyList<string> Lines(string text, int width)
    {
        var lines = new List<string>();
        foreach (string paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = new System.Text.StringBuilder();
            foreach (string word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                if (line.Length > 0) line.Append(' ');
                line.Append(word);
            }
            lines.Add(line.ToString());
        }
        return lines;
    }

    /// <summary>
    /// Wrapped with a hanging indent: the first line starts with <paramref name="first"/>, the others with
    /// <paramref name="rest"/>, so a wrapped description stays under its own text instead of restarting at column 0.
    /// </summary>
    public static IEnumerable<string> Hanging(string text, int width, string first, string rest)
    {
        var lines = Lines(text, Math.Max(width - rest.Length, 1));
        for (int i = 0; i < lines.Count; i++)
            yield return (i == 0 ? first : rest) + lines[i];
    }
}
