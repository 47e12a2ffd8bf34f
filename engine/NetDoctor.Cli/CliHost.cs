using Microsoft.Extensions.DependencyInjection;
using NetDoctor.Cli.Commands;
using NetDoctor.Cli.Composition;
using NetDoctor.Cli.Reporting.Text;
using NetDoctor.Packs.Timing;

namespace NetDoctor.Cli;

/// <summary>Runs the CLI with the given writers: the program's Main and the in-process CLI tests share this entry.</summary>
public static class CliHost
{
    /// <summary>Exit code when the output could not be written (stdout closed or its reader gone): the run failed.</summary>
    public const int OutputFailed = ExitCodes.OutputFailed;

    /// <param name="interactive">stdout is a terminal: colours, and the terminal's width when COLUMNS is not set.</param>
    /// <param name="columns">The width of human output, overriding COLUMNS and the terminal (tests lay out text at fixed widths).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool interactive = false, CancellationToken ct = default, int? columns = null)
    {
        try
        {
            var terminal = Terminal.Detect(interactive, columns);
            using var provider = new ServiceCollection().AddNetDoctorCli(new StdoutWriter(output), new StderrWriter(error), terminal, interactive).BuildServiceProvider();
            PhaseTimings.Mark("composition (DI)");
            return await provider.GetRequiredService<NetDoctorApp>().RunAsync(args, ct);
        }
        catch (StdoutClosedException e)
        {
            try { error.WriteLine($"netdoctor: {e.Message}"); }
            catch (Exception stderr) when (stderr is IOException or UnauthorizedAccessException) { } // stderr closed too: the exit code says it
            return OutputFailed;
        }
    }
}
