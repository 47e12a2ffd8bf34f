using System.Diagnostics;
using NetDoctor.Collectors.Live;

namespace NetDoctor.Collectors.Tests.Live;

public class ProcessCommandRunnerTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Captures_stdout_and_exit_code()
    {
        var result = await new ProcessCommandRunner().RunAsync(new CommandSpec("echo", ["10.96.0.1/12"], Long), default);

        result.Outcome.ShouldBe(CommandOutcome.Ok);
        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldBe("10.96.0.1/12\n");
    }

    [Fact]
    public async Task A_missing_binary_is_reported_without_starting_anything()
    {
        var result = await new ProcessCommandRunner().RunAsync(new CommandSpec("nd-no-such-tool-" + Guid.NewGuid().ToString("N")[..6], [], Long), default);

        result.Outcome.ShouldBe(CommandOutcome.MissingBinary);
        result.Reason!.ShouldContain("missing binary");
    }

    [Fact]
    public async Task A_non_zero_exit_carries_the_first_stderr_line()
    {
        var result = await new ProcessCommandRunner().RunAsync(new CommandSpec("sh", ["-c", "echo 'first problem' >&2; echo second >&2; exit 3"], Long), default);

        result.Outcome.ShouldBe(CommandOutcome.NonZeroExit);
        result.ExitCode.ShouldBe(3);
        result.Reason.ShouldBe("non-zero exit: exit code 3: first problem");
    }

    [Fact]
    public async Task Permission_messages_are_classified_as_permission_denied()
    {
        var result = await new ProcessCommandRunner().RunAsync(new CommandSpec("sh", ["-c", "echo 'ipset v7.17: Kernel error received: Operation not permitted' >&2; exit 1"], Long), default);

        result.Outcome.ShouldBe(CommandOutcome.PermissionDenied);
    }

    [Fact]
    public async Task A_command_past_its_timeout_is_killed_with_its_children()
    {
        string marker = "nd-timeout-" + Guid.NewGuid().ToString("N")[..8];
        var clock = Stopwatch.StartNew();

        var result = await new ProcessCommandRunner().RunAsync(new CommandSpec("sh", ["-c", $"sleep 60 & exec sleep 61 # {marker}"], TimeSpan.FromMilliseconds(500)), default);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        result.Outcome.ShouldBe(CommandOutcome.Timeout);
        result.Reason!.ShouldContain("timeout");
    }

    [Fact]
    public async Task A_prefix_wraps_every_command()
    {
        var runner = new ProcessCommandRunner(["env", "ND_PREFIXED=yes"]);

        var result = await runner.RunAsync(new CommandSpec("sh", ["-c", "echo $ND_PREFIXED"], Long), default);

        result.Stdout.Trim().ShouldBe("yes");
    }

    [Fact]
    public async Task Runs_in_the_c_locale()
    {
        var result = await new ProcessCommandRunner().RunAsync(new CommandSpec("sh", ["-c", "echo $LC_ALL"], Long), default);

        result.Stdout.Trim().ShouldBe("C");
    }
}
