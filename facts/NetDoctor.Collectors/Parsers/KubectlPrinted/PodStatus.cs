using System.Globalization;
using System.Text.RegularExpressions;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.KubectlPrinted;

/// <summary>
/// What `kubectl get pods` says of a pod's containers in its READY ("1/2"), STATUS ("CrashLoopBackOff") and RESTARTS
/// ("5 (2m ago)") columns, as the container statuses a pod object has. The table does not name the containers, nor
/// which one restarted: the statuses are unnamed, the first <c>ready</c> of them ready, the restarts counted on the first,
/// so a pod's readiness and total restarts (what rules ask of a pod) are the table's.
/// </summary>
internal static partial class PodStatus
{
    /// <summary>The phase a STATUS column stands for; null when it names a reason that does not fix the phase ("Error", "Terminating").</summary>
    public static string? Phase(string? status) => status switch
    {
        "Running" or "Pending" or "Succeeded" or "Failed" or "Unknown" => status,
        "Completed" => "Succeeded",
        "CrashLoopBackOff" or "NotReady" => "Running",
        "ContainerCreating" or "PodInitializing" or "ImagePullBackOff" or "ErrImagePull" or "CreateContainerConfigError"
            or "CreateContainerError" or "InvalidImageName" => "Pending",
        "Evicted" or "OutOfcpu" or "OutOfmemory" => "Failed",
        _ when status?.StartsWith("Init:", StringComparison.Ordinal) == true => "Pending",
        _ => null,
    };

    /// <summary>"1/2" to (1, 2); null when the cell is not that.</summary>
    public static (int Ready, int Total)? Ready(string? text)
    {
        if (text is null) return null;
        var m = ReadyRegex().Match(text);
        if (!m.Success) return null;
        int ready = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), total = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return ready <= total && total <= 64 ? (ready, total) : null;
    }

    /// <summary>"5" or "5 (2m ago)" to 5.</summary>
    public static int? Restarts(string? text) =>
        text is not null && RestartsRegex().Match(text) is { Success: true } m && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;

    public static List<KubeContainerStatus> Containers(int ready, int total, int restarts, string? status)
    {
        var (state, reason) = status switch
        {
            "Running" => ("running", (string?)null),
            "CrashLoopBackOff" or "ContainerCreating" or "PodInitializing" or "ImagePullBackOff" or "ErrImagePull" or "CreateContainerConfigError" or "CreateContainerError" => ("waiting", status),
            "Completed" or "Error" or "OOMKilled" or "ContainerCannotRun" => ("terminated", status),
            _ => ((string?)null, (string?)null),
        };
        return Enumerable.Range(0, total).Select(i =>
        {
            bool isReady = i < ready;
            return new KubeContainerStatus("", isReady, i == 0 ? restarts : 0, isReady ? "running" : state, isReady ? null : reason, null, null);
        }).ToList();
    }

    [GeneratedRegex(@"^(\d{1,3})/(\d{1,3})$")]
    private static partial Regex ReadyRegex();

    [GeneratedRegex(@"^(\d{1,9})(\s+\(.*\))?$")]
    private static partial Regex RestartsRegex();
}
