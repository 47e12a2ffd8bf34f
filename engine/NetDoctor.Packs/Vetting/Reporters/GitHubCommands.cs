using System.Text;
using NetDoctor.Packs.Output;

namespace NetDoctor.Packs.Vetting.Reporters;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=f,line=3,title=t::message</c>), which the runner turns into
/// annotations on the run and the pull request. Escaped the way the runner unescapes them (actions/toolkit
/// command.ts): in the message % CR LF; in property values also ':' and ',' — so no text can end the properties
/// early (a "::" in a title) or start a command of its own on a new line. Before that, every string (they come from
/// packs and bundles) goes through <see cref="SafeText"/>: the log and the annotation show a control character
/// escaped instead of obeying it, and a CR is shown as \r rather than returning to the start of the line.
/// </summary>
public static class GitHubCommands
{
    /// <param name="level">error, warning or notice.</param>
    public static string Annotation(string level, string message, string? file = null, int line = 0, int column = 0, string? title = null)
    {
        var properties = new List<string>();
        if (!string.IsNullOrEmpty(file)) properties.Add("file=" + EscapeProperty(SafeText.Escape(file, SafeText.Keep.Nothing)));
        if (!string.IsNullOrEmpty(file) && line > 0) properties.Add("line=" + line);
        if (!string.IsNullOrEmpty(file) && line > 0 && column > 0) properties.Add("col=" + column);
        if (!string.IsNullOrEmpty(title)) properties.Add("title=" + EscapeProperty(SafeText.Escape(title, SafeText.Keep.Nothing)));
        var command = new StringBuilder("::").Append(level);
        if (properties.Count > 0) command.Append(' ').Append(string.Join(',', properties));
        return command.Append("::").Append(EscapeData(SafeText.Escape(message))).ToString();
    }

    public static string EscapeData(string text) => text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    public static string EscapeProperty(string text) => EscapeData(text).Replace(":", "%3A").Replace(",", "%2C");

    /// <summary>"file:line" or "file:line:column" split into its parts; a plain path has line 0.</summary>
    public static (string File, int Line, int Column) SplitSource(string source)
    {
        string file = source;
        int line = 0, column = 0;
        for (int part = 0; part < 2; part++)
        {
            int colon = file.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(file.AsSpan(colon + 1), out int number)) break;
            (column, line) = (line, number);
            file = file[..colon];
        }
        return (file, line, column);
    }
}
