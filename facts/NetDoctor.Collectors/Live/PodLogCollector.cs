using System.Text;
using NetDoctor.Collectors.Live.Files;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NetDoctor.Collectors.Live;

/// <summary>
/// Copies the tail of networking pods' container logs from the kubelet's log directory
/// (/var/log/pods/NAMESPACE_POD_UID/CONTAINER/N.log) into NAMESPACE/POD.log, POD.CONTAINER.log and
/// POD.CONTAINER.previous.log, turning CRI and Docker json-file lines back into what `kubectl logs` prints.
/// </summary>
internal static partial class PodLogCollector
{
    private static readonly HashSet<string> Namespaces = new(StringComparer.Ordinal) { "kube-system", "calico-system", "tigera-operator", "calico-apiserver" };

    public sealed record LogFile(string BundlePath, string Source, string Text);

    /// <summary>Logs are read as <see cref="RegularFileReader"/> reads: a FIFO or device named *.log is refused, not waited on.</summary>
    public static async IAsyncEnumerable<(LogFile? File, string Source, string? Error)> Collect(string podLogDirectory, long maxBytes, TimeSpan readTimeout,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(podLogDirectory)) yield break;
        IEnumerable<string> pods;
        try { pods = Directory.GetDirectories(podLogDirectory).Order(StringComparer.Ordinal).ToList(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { pods = []; }
        foreach (var podDir in pods)
        {
            var parts = Path.GetFileName(podDir).Split('_');
            if (parts.Length < 3) continue;
            string ns = parts[0], pod = parts[1];
            if (!Namespaces.Contains(ns) && !NetworkingPod().IsMatch(pod)) continue;
            string[] containers;
            try { containers = Directory.GetDirectories(podDir).Order(StringComparer.Ordinal).ToArray(); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { continue; }
            foreach (var containerDir in containers)
            {
                if (cancellationToken.IsCancellationRequested) yield break;
                string container = Path.GetFileName(containerDir);
                var runs = Runs(containerDir);
                for (int i = 0; i < Math.Min(2, runs.Count); i++)
                {
                    bool previous = i == 1;
                    string name = previous ? $"{pod}.{container}.previous.log" : containers.Length == 1 ? $"{pod}.log" : $"{pod}.{container}.log";
                    string source = runs[i];
                    var read = await RegularFileReader.ReadTailAsync(source, maxBytes, readTimeout, cancellationToken).ConfigureAwait(false);
                    string? text = read.Text is null ? null : ToKubectlLogs(read.Cut ? DropPartialFirstLine(read.Text) : read.Text);
                    yield return (text is null ? null : new LogFile($"{ns}/{name}", source, text), source, read.Error);
                }
            }
        }
    }

    /// <summary>Log files of a container, newest run first ("3.log" before "2.log").</summary>
    private static List<string> Runs(string containerDir)
    {
        try
        {
            return Directory.GetFiles(containerDir, "*.log")
                .Select(f => (File: f, Run: int.TryParse(Path.GetFileNameWithoutExtension(f), out var n) ? n : -1))
                .Where(r => r.Run >= 0)
                .OrderByDescending(r => r.Run)
                .Select(r => r.File)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>A log cut to its last bytes starts mid-line; that partial line is dropped.</summary>
    private static string DropPartialFirstLine(string text) => text.IndexOf('\n') is var nl and >= 0 ? text[(nl + 1)..] : text;

    /// <summary>CRI ("TIME STREAM P|F message") and Docker json-file lines back to bare messages; other text unchanged.</summary>
    internal static string ToKubectlLogs(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text.Split('\n'))
        {
            if (raw.Length == 0) continue;
            var cri = CriLine().Match(raw);
            if (cri.Success)
            {
                sb.Append(cri.Groups["msg"].Value);
                if (cri.Groups["tag"].Value != "P") sb.Append('\n');
                continue;
            }
            if (raw.StartsWith("{\"log\":", StringComparison.Ordinal) && DockerMessage(raw) is { } message)
            {
                sb.Append(message);
                continue;
            }
            sb.Append(raw).Append('\n');
        }
        return sb.ToString();
    }

    private static string? DockerMessage(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.TryGetProperty("log", out var log) ? log.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\S+ (stdout|stderr) (?<tag>[PF]) (?<msg>.*)$")]
    private static partial Regex CriLine();

    [GeneratedRegex(@"calico|kube-proxy|coredns|kube-apiserver|kube-controller|tigera")]
    private static partial Regex NetworkingPod();
}
