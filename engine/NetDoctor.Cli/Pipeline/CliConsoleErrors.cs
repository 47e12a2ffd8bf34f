using NetDoctor.Cli.Commands;

namespace NetDoctor.Cli.Pipeline;

/// <summary>Warnings and notes for stderr, kept apart from the report on stdout so JSON output stays parseable.</summary>
public sealed class CliConsoleErrors(CliConsole console)
{
    public void Warn(string message) => console.Error.WriteLine($"netdoctor: warning: {message}");

    public void Note(string message) => console.Error.WriteLine($"netdoctor: {message}");
}
