using System.Diagnostics;
using NetDoctor.Collectors.Live;
using NetDoctor.Collectors.Tests.Bundles;

namespace NetDoctor.Collectors.Tests.Live.Hostile;

/// <summary>What the hostile-host tests share: a fake /proc entry for a process, FIFOs, and a runner that hangs on one command.</summary>
internal static class HostileHost
{
    public const int KubeProxyPid = 3001;

    /// <summary>The `ps` output of the fake host, with kube-proxy (pid 3001) started with <paramref name="config"/>.</summary>
    public static FakeCommandRunner WithKubeProxy(string config, string user = "root", int pid = KubeProxyPid) =>
        LiveCollectorTests.Host().Output("ps -ww -eo user,pid,ppid,args",
            $"USER         PID    PPID COMMAND\n{user}        {pid}    2990 /usr/local/bin/kube-proxy --config={config}\n");

    /// <summary>/proc/PID/status of a fake process run by <paramref name="uid"/> (real, effective, saved, filesystem).</summary>
    public static void Status(TempDir dir, int pid, int uid) =>
        dir.File($"proc/{pid}/status", $"Name:\tkube-proxy\nState:\tS (sleeping)\nUid:\t{uid}\t{uid}\t{uid}\t{uid}\nGid:\t{uid}\t{uid}\t{uid}\t{uid}\n");

    public static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start("mkfifo", [path])!;
        mkfifo.WaitForExit();
        mkfifo.ExitCode.ShouldBe(0);
    }

    /// <summary>Every file of a bundle folder, as text, for grepping.</summary>
    public static IEnumerable<(string File, string Text)> Files(string bundle) =>
        Directory.EnumerateFiles(bundle, "*", SearchOption.AllDirectories).Select(f => (Path.GetRelativePath(bundle, f), File.ReadAllText(f)));
}

/// <summary>A runner that never finishes <paramref name="hangs"/> until the collection is cancelled, as a stuck tool would.</summary>
internal sealed class HangingRunner(FakeCommandRunner inner, string hangs) : ICommandRunner
{
    public bool Exists(string executable) => inner.Exists(executable);

    public async Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken)
    {
        if (spec.CommandLine != hangs) return await inner.RunAsync(spec, cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        return new CommandResult(CommandOutcome.Failed, null, "", "", TimeSpan.FromSeconds(1), "cancelled");
    }
}
