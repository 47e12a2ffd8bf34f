using System.Text.RegularExpressions;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Logs;

/// <summary>Which component logged a line: the container (or program) name, else the pod name without its hash suffixes.</summary>
internal static partial class LogComponents
{
    /// <summary>"calico-node-7kvkf" -> "calico-node", "calico-kube-controllers-596576f79-j2pkg" -> "calico-kube-controllers",
    /// and a static pod "kube-apiserver-master1" on node master1 -> "kube-apiserver" (the kubelet names it after its node).</summary>
    public static string? Of(LogLine line)
    {
        if (line.Container is { Length: > 0 } c) return c;
        if (line.Pod is not { Length: > 0 } pod) return null;
        if (line.Node is { Length: > 0 } node && pod.Length > node.Length + 1 && pod.EndsWith("-" + node, StringComparison.Ordinal))
            return pod[..^(node.Length + 1)];
        pod = PodSuffixRegex().Replace(pod, "");
        var rs = ReplicaSetHashRegex().Match(pod);
        if (rs.Success && rs.Groups[1].Value.Any(char.IsAsciiDigit)) pod = pod[..rs.Index];
        return pod;
    }

    [GeneratedRegex(@"-[a-z0-9]{5}$")]
    private static partial Regex PodSuffixRegex();

    [GeneratedRegex(@"-([a-z0-9]{8,10})$")]
    private static partial Regex ReplicaSetHashRegex();
}
