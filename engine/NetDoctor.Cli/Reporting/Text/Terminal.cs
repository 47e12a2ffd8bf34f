namespace NetDoctor.Cli.Reporting.Text;

/// <summary>
/// What human-readable output may assume about where it goes: how many columns to lay prose out in, and whether ANSI
/// colours are welcome. Machine formats ignore it.
/// </summary>
/// <param name="Width">Columns for prose and tables. Commands and identifiers are never broken to fit it.</param>
/// <param name="Color">Whether to emit ANSI colour codes (a terminal, and NO_COLOR not set).</param>
public sealed record Terminal(int Width, bool Color)
{
    /// <summary>Width when nothing says otherwise (output piped or redirected, no COLUMNS): wide enough for the
    /// evidence tables, narrow enough to read in a CI log or a mail.</summary>
    public const int DefaultWidth = 100;

    /// <summary>Below this the tables cannot be laid out sensibly; COLUMNS=10 is treated as this.</summary>
    public const int MinimumWidth = 40;

    /// <summary>A file or pipe: the default width, no colour.</summary>
    public static Terminal Plain { get; } = new(DefaultWidth, false);

    /// <summary>
    /// The width comes from, in order: <paramref name="columns"/> (tests), the COLUMNS environment variable (what shells
    /// and `COLUMNS=120 netdoctor ... | less` set), the terminal itself when stdout is one, else <see cref="DefaultWidth"/>.
    /// </summary>
    public static Terminal Detect(bool interactive, int? columns = null)
    {
        int width = columns
            ?? Parse(Environment.GetEnvironmentVariable("COLUMNS"))
            ?? (interactive ? WindowWidth() : null)
            ?? DefaultWidth;
        bool color = interactive
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            && Environment.GetEnvironmentVariable("TERM") != "dumb";
        return new Terminal(Math.Max(width, MinimumWidth), color);
    }

    private static int? Parse(string? text) => int.TryParse(text, out int n) && n > 0 ? n : null;

    private static int? WindowWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }
}
