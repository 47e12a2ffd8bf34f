using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace NetDoctor.Collectors.Live;

/// <summary>
/// Runs commands as child processes: stdin closed, stdout/stderr captured (bounded), a timeout after which the
/// whole process tree is killed, and the C locale so tools print the English the parsers read.
/// A <see cref="Prefix"/> (e.g. <c>ip netns exec nd1234</c>) runs every command inside another context.
/// </summary>
public sealed class ProcessCommandRunner(IReadOnlyList<string>? prefix = null, long maxOutputBytes = 512L * 1024 * 1024) : ICommandRunner
{
    private static readonly UTF8Encoding Utf8 = new(false, false);

    public IReadOnlyList<string> Prefix { get; } = prefix ?? [];

    public bool Exists(string executable) => ExecutableLocator.Find(executable) is not null;

    public async Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string? binary = ExecutableLocator.Find(spec.Executable);
        if (binary is null)
            return new CommandResult(CommandOutcome.MissingBinary, null, "", "", clock.Elapsed, $"missing binary: {spec.Executable} not found on PATH");

        var start = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["LC_ALL"] = "C";
        start.Environment["LANG"] = "C";
        if (Prefix.Count > 0)
        {
            start.FileName = ExecutableLocator.Find(Prefix[0]) ?? Prefix[0];
            foreach (var a in Prefix.Skip(1)) start.ArgumentList.Add(a);
            start.ArgumentList.Add(binary);
        }
        else
        {
            start.FileName = binary;
        }

        foreach (var a in spec.Arguments) start.ArgumentList.Add(a);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            var outcome = ex.NativeErrorCode switch { 13 or 1 => CommandOutcome.PermissionDenied, 2 => CommandOutcome.MissingBinary, _ => CommandOutcome.Failed };
            return new CommandResult(outcome, null, "", "", clock.Elapsed, $"{Describe(outcome)}: {ex.Message}");
        }
        process.StandardInput.Close();
        var stdout = ReadBounded(process.StandardOutput.BaseStream);
        var stderr = ReadBounded(process.StandardError.BaseStream);

        bool timedOut = false;
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            limit.CancelAfter(spec.Timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                timedOut = !cancellationToken.IsCancellationRequested;
                Kill(process);
            }
        }

        string outText = await Collect(stdout).ConfigureAwait(false);
        string errText = await Collect(stderr).ConfigureAwait(false);
        clock.Stop();
        if (cancellationToken.IsCancellationRequested)
            return new CommandResult(CommandOutcome.Failed, null, outText, errText, clock.Elapsed, "cancelled");
        if (timedOut)
            return new CommandResult(CommandOutcome.Timeout, null, outText, errText, clock.Elapsed, $"timeout: no result after {spec.Timeout.TotalSeconds:0.#} s (process tree killed)");

        int exit = process.ExitCode;
        if (exit == 0) return new CommandResult(CommandOutcome.Ok, 0, outText, errText, clock.Elapsed, null);
        var result = new CommandResult(CommandOutcome.NonZeroExit, exit, outText, errText, clock.Elapsed, null);
        var first = result.FirstStderrLine;
        var kind = IsPermissionMessage(errText) ? CommandOutcome.PermissionDenied : CommandOutcome.NonZeroExit;
        return result with { Outcome = kind, Reason = $"{Describe(kind)}: exit code {exit}" + (first is null ? "" : $": {first}") };
    }

    private static bool IsPermissionMessage(string stderr) =>
        stderr.Contains("Permission denied", StringComparison.OrdinalIgnoreCase)
        || stderr.Contains("Operation not permitted", StringComparison.OrdinalIgnoreCase)
        || stderr.Contains("must be root", StringComparison.OrdinalIgnoreCase)
        || stderr.Contains("are you root", StringComparison.OrdinalIgnoreCase);

    private static string Describe(CommandOutcome outcome) => outcome switch
    {
        CommandOutcome.PermissionDenied => "permission denied",
        CommandOutcome.MissingBinary => "missing binary",
        CommandOutcome.Timeout => "timeout",
        CommandOutcome.NonZeroExit => "non-zero exit",
        _ => "failed",
    };

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        catch (Win32Exception) { }
    }

    private Task<byte[]> ReadBounded(Stream stream) => Task.Run(async () =>
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[65536];
        int n;
        while ((n = await stream.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            // Keep draining past the limit so the child never blocks on a full pipe, but stop storing.
            if (buffer.Length + n <= maxOutputBytes) buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    });

    private static async Task<string> Collect(Task<byte[]> read)
    {
        try
        {
            // A killed process's grandchildren may still hold the pipe; do not wait for them forever.
            var bytes = await read.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            return Utf8.GetString(bytes);
        }
        catch (TimeoutException)
        {
            return "";
        }
    }
}
