using System.Text.RegularExpressions;

namespace NetDoctor.Collectors.Parsers.KubectlPrinted;

/// <summary>
/// A `kubectl get|describe` command line left above its output in a paste, after whatever prompt ("$ ", "[root@k8s01 ~]# ",
/// "pradeep:~$") and however invoked ("k get po -A", "sudo kubectl", "k3s kubectl", "oc"): which verb, which resource,
/// which namespace the rows without a NAMESPACE column are in.
/// </summary>
internal sealed partial record KubectlCommandLine(string Verb, string? Resource, string? Namespace, bool AllNamespaces)
{
    public static KubectlCommandLine? Parse(string line)
    {
        var m = CommandRegex().Match(line);
        if (!m.Success) return null;
        string verb = m.Groups["verb"].Value;
        var words = m.Groups["rest"].Value.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        string? resource = null, ns = null;
        bool all = false;
        for (int i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (w is "-A" or "--all-namespaces" or "--all-namespaces=true") all = true;
            else if (w is "-n" or "--namespace" && i + 1 < words.Length) ns = words[++i];
            else if (w.StartsWith("--namespace=", StringComparison.Ordinal)) ns = w["--namespace=".Length..];
            else if (w.StartsWith("-n", StringComparison.Ordinal) && w.Length > 2 && !w.StartsWith("--", StringComparison.Ordinal)) ns = w[2..];
            else if (w is "-o" or "--output" or "-l" or "--selector" or "--context" or "--kubeconfig" or "-c" or "--field-selector" && i + 1 < words.Length) i++;
            else if (!w.StartsWith('-') && resource is null) resource = ResourceOf(w);
        }
        // Global flags may sit before the verb ("kubectl -n kube-system get pods").
        var before = m.Groups["pre"].Value;
        if (ns is null && NamespaceFlagRegex().Match(before) is { Success: true } pre) ns = pre.Groups[1].Value;
        if (before.Contains("--all-namespaces", StringComparison.Ordinal) || before.Contains(" -A", StringComparison.Ordinal)) all = true;
        return new KubectlCommandLine(verb, resource, ns, all);
    }

    /// <summary>"po", "pods", "pod/x", "svc,ep" -> the kind the table lists; "all" for `kubectl get all`; null for kinds not read.</summary>
    public static string? ResourceOf(string word)
    {
        var first = word.Split(',', '/')[0].ToLowerInvariant();
        return first switch
        {
            "no" or "node" or "nodes" => "Node",
            "po" or "pod" or "pods" => "Pod",
            "svc" or "service" or "services" => "Service",
            "ep" or "endpoint" or "endpoints" => "Endpoints",
            "all" => "all",
            _ => "other:" + first,
        };
    }

    [GeneratedRegex(@"(?:^|[\s$#>%])(?:sudo\s+)?(?:kubectl|k|oc|k3s kubectl|microk8s kubectl|microk8s\.kubectl|minikube kubectl --)(?<pre>(?:\s+-{1,2}[\w-]+(?:[= ][^\s-]\S*)?)*)\s+(?<verb>get|describe)\b(?<rest>.*)$")]
    private static partial Regex CommandRegex();

    [GeneratedRegex(@"(?:-n|--namespace)[= ]?(\S+)")]
    private static partial Regex NamespaceFlagRegex();
}
