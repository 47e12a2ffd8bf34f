namespace NetDoctor.Lab.Tests.Lab.Cluster;

/// <summary>processes.txt as `ps -eo pid,args` prints it for the Kubernetes/Calico daemons of a node.
/// The lab runs no real kube-proxy or kube-apiserver binaries, so these command lines are the scenario's (stated in samples/README.md).</summary>
public static class Processes
{
    public static string Render(IEnumerable<string> commandLines)
    {
        var lines = new List<string> { "    PID COMMAND" };
        var pid = 1021;
        foreach (var command in commandLines) lines.Add($"{pid += 117,7} {command}");
        return string.Join('\n', lines) + "\n";
    }
}
