namespace NetDoctor.Cli.Reporting.Text;

/// <summary>The few looks human output uses. Applied to whole, already laid-out pieces of text, so layout never counts escape codes.</summary>
public enum Style
{
    None,
    Bold,
    Dim,
    Command,
    Good,
    Critical,
    Error,
    Warning,
    Info,
}

/// <summary>ANSI SGR codes for <see cref="Style"/>; nothing at all when colour is off.</summary>
public static class Paint
{
    public static string Apply(string text, Style style, bool color)
    {
        if (!color || style == Style.None || text.Length == 0) return text;
        string code = style switch
        {
            Style.Bold => "1",
            Style.Dim => "2",
            Style.Command => "36",
            Style.Good => "32",
            Style.Critical => "1;31",
            Style.Error => "31",
            Style.Warning => "33",
            Style.Info => "34",
            _ => "0",
        };
        return $"\u001b[{code}m{text}\u001b[0m";
    }

    /// <summary>The look of a severity name.</summary>
    public static Style Of(string severity) => severity switch
    {
        "critical" => Style.Critical,
        "error" => Style.Error,
        "warning" => Style.Warning,
        _ => Style.Info,
    };
}
