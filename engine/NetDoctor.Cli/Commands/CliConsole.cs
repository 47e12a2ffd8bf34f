using NetDoctor.Cli.Reporting.Text;
using Spectre.Console;

namespace NetDoctor.Cli.Commands;

/// <summary>
/// Where a command writes: plain writers for machine formats (JSON, SARIF, JUnit must not contain ANSI codes), a
/// <see cref="TextCanvas"/> for human reports laid out for the <see cref="Terminal"/>, and a Spectre console for the
/// few messages that want markup (collect).
/// </summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, Terminal terminal, bool interactive = false)
    {
        Out = output;
        Error = error;
        Terminal = terminal;
        Text = new TextCanvas(output, terminal);
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal.Color ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal.Color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        Ansi.Profile.Width = terminal.Width;
    }

    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public Terminal Terminal { get; }
    public TextCanvas Text { get; }
    public IAnsiConsole Ansi { get; }

    /// <summary>Writes a machine-format document to --output when given, else to stdout.</summary>
    public void WriteDocument(string text, string? outputFile)
    {
        if (outputFile is null)
        {
            Out.WriteLine(text);
            return;
        }
        WriteFile(text, outputFile, "--output");
    }

    /// <summary>Writes a document to a file named by an option; a file that cannot be written is a usage error naming the option.</summary>
    public static void WriteFile(string text, string path, string option)
    {
        try
        {
            File.WriteAllText(path, text.TrimEnd() + Environment.NewLine);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {option} {path}: {e.Message}");
        }
    }

    /// <summary>Human text rendered for a file: the default width, no colour, whatever the terminal is.</summary>
    public static string RenderPlain(Action<TextCanvas> render)
    {
        using var text = new StringWriter();
        render(new TextCanvas(text, Terminal.Plain));
        return text.ToString();
    }
}
