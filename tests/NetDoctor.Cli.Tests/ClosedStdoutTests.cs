using System.Text;

namespace NetDoctor.Cli.Tests;

/// <summary>Issue 13, defect 16: `netdoctor run … &gt;&amp;-` crashed with an unhandled UnauthorizedAccessException (exit 134).</summary>
public class ClosedStdoutTests
{
    /// <summary>What Console.Out does when fd 1 is closed: every write fails as .NET reports EBADF.</summary>
    private sealed class ClosedWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new UnauthorizedAccessException("Access to the path is denied.");
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public async Task A_closed_stdout_ends_run_with_a_message_on_stderr_and_the_output_failed_code(string format)
    {
        var error = new StringWriter();

        int code = await CliHost.RunAsync(["run", "--bundle", Repo.Sample("incident-003-no-default-route"), "--format", format], new ClosedWriter(), error);

        code.ShouldBe(CliHost.OutputFailed);
        error.ToString().ShouldContain("netdoctor: cannot write to standard output");
    }
}
