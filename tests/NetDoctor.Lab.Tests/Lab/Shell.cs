using System.Diagnostics;

namespace NetDoctor.Lab.Tests.Lab;

/// <summary>Runs external tools (ip, iptables, bird, nc...) with an argument vector (no shell quoting) and a hard timeout.</summary>
public static class Shell
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<CommandResult> RunAsync(string file, IEnumerable<string> args, TimeSpan? timeout = null, string? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var argv = args.ToArray();
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        if (workingDirectory is not null) info.WorkingDirectory = workingDirectory;
        foreach (var arg in argv) info.ArgumentList.Add(arg);
        if (environment is not null)
            foreach (var (key, value) in environment) info.Environment[key] = value;
        var commandLine = string.Join(' ', argv.Prepend(file).Select(Quote));

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {commandLine}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync();
        }
        return new CommandResult(commandLine, timedOut ? -1 : process.ExitCode, await stdout, await stderr, timedOut);
    }

    public static async Task<CommandResult> CheckAsync(string file, IEnumerable<string> args, TimeSpan? timeout = null, string? stdin = null)
    {
        var result = await RunAsync(file, args, timeout, stdin);
        return result.Succeeded ? result : throw new LabCommandException(result);
    }

    /// <summary>Splits a command written as one string on blanks; for lab commands whose arguments never contain blanks.</summary>
    public static string[] Words(string command) => command.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static bool IsAvailable(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin")
            .Split(':').Append("/usr/sbin").Append("/sbin")
            .Any(dir => File.Exists(Path.Combine(dir, tool)));

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_./:=,@%+".Contains(c)) ? arg : $"'{arg.Replace("'", "'\\''")}'";
}
