using System.Diagnostics;

namespace NetDoctor.Cli.Tests;

/// <summary>Issue 13, defects 16 and 18, as a shell runs them: the real process, a really closed stdout, a really empty stdin.</summary>
public class ClosedStdoutProcessTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "netdoctor.dll");

    private static (int Code, string Out, string Err) Shell(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash", ["-c", script, Dll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(120_000).ShouldBeTrue("netdoctor did not end");
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Run_with_stdout_closed_exits_3_with_a_message_not_134()
    {
        if (OperatingSystem.IsWindows()) return;

        var (code, _, err) = Shell("""dotnet exec "$0" run --bundle "$1" >&-""", Repo.Sample("incident-003-no-default-route"));

        code.ShouldBe(CliHost.OutputFailed, err);
        err.ShouldContain("netdoctor: cannot write to standard output");
    }

    [Fact]
    public void Empty_stdin_as_the_bundle_is_reported_as_holding_nothing()
    {
        if (OperatingSystem.IsWindows()) return;

        var (code, _, err) = Shell("""dotnet exec "$0" facts --bundle - --format json < /dev/null""");

        // Nothing to read is a usage error (exit 2) that says why, never "0 facts" and exit 0.
        code.ShouldBe(2, err);
        err.ShouldContain("no input could be read: -: no files in it");
    }
}
