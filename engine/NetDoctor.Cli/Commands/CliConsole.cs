using Spectre.Console;

namespace NetDoctor.Cli.Commands;

/// <summary>
/// Where a command writes: plain writers for machine formats (JSON, SARIF, JUnit must not contain ANSI codes)
/// and a Spectre console over the same stdout writer for human output.
/// </summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, bool interactive)
    {
        Out = output;
        Error = error;
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive) Ansi.Profile.Width = 160;
    }

    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public IAnsiConsole Ansi { get; }

    /// <summary>Writes a machine-format document to --output when given, else to stdout.</summary>
    public void WriteDocument(string text, string? outputFile)
    {
        if (outputFile is null)
        {
            Out.WriteLine(text);
            return;
        }
        try
        {
            File.WriteAllText(outputFile, text + Environment.NewLine);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write --output {outputFile}: {e.Message}");
        }
    }
}
