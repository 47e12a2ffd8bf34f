namespace NetDoctor.Lab.Tests.Lab.Cluster;

/// <summary>processes.txt in `ps -ef` form for the Kubernetes/Calico daemons of a node.
/// The lab runs no real kube-proxy or kube-apiserver binaries, so these command lines are the scenario's (stated in samples/README.md).</summary>
public static class Processes
{
    public static string Render(IEnumerable<string> commandLines)
    {
        var lines = new List<string> { "UID          PID    PPID  C STIME TTY          TIME CMD" };
        var pid = 1021;
        foreach (var command in commandLines) lines.Add($"root     {pid += 117,7}       1  1 09:59 ?        00:04:00 {command}");
        return string.Join('\n', lines) + "\n";
    }
}
