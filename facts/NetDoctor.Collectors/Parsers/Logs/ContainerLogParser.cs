using System.Text;
using System.Text.RegularExpressions;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Logs;

/// <summary>
/// A container log (`kubectl logs`, the bundle's "&lt;node&gt;/&lt;namespace&gt;/&lt;pod&gt;.log", CRI files under /var/log/pods).
/// Each record becomes a <see cref="LogLine"/> in whichever format it is written (klog, Calico, Python logging, CoreDNS, plain;
/// one file may mix them); indented lines and Python tracebacks fold into the record above. Records that show a failed dial,
/// a 401/403 or an undecodable API response also give a <see cref="LogEvent"/>. Namespace, pod and container come from the path.
/// </summary>
public sealed partial class ContainerLogParser : IFormatParser
{
    public string Kind => "container-log";

    public int Sniff(string fileName, string head)
    {
        var path = fileName.Replace('\\', '/');
        if (path.EndsWith(".log", StringComparison.Ordinal)) return path.Count(c => c == '/') >= 2 || path.Contains("logs/", StringComparison.Ordinal) ? 100 : 90;
        int records = head.Split('\n').Take(10).Count(l => LogLineFormats.Read(StripPrefixes(l.TrimEnd('\r'), out _, out _)) is not null);
        return records >= 2 ? 60 : records == 1 ? 30 : 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        var file = LogFileName.Of(input.Path);
        Pending? pending = null;

        void Flush()
        {
            if (pending is null) return;
            var line = pending.ToLogLine(input, file);
            result.Add(line);
            foreach (var e in LogEventClassifier.Classify(line, Component(line))) result.Add(e);
            pending = null;
        }

        TextLines.ForEach(input.Text, (number, span) =>
        {
            if (span.IsWhiteSpace()) return;
            var text = StripPrefixes(span.ToString(), out var prefixPod, out var prefixContainer);
            var head = LogLineFormats.Read(text);
            if (head is null && pending is not null && IsContinuation(text, pending.Head))
            {
                pending.Continue(text);
                return;
            }
            Flush();
            pending = new Pending(number, head ?? new LogLineFormats.Head(LogFormat.Plain, LogLevel.Unknown, null, null, null, text), prefixPod, prefixContainer);
        });
        Flush();
        return result;
    }

    /// <summary>Indented lines continue any record; a Python record also owns its unindented traceback lines.</summary>
    private static bool IsContinuation(string text, LogLineFormats.Head head) =>
        head.Format != LogFormat.Plain && (char.IsWhiteSpace(text[0]) || head.Format == LogFormat.Python);

    /// <summary>Drops a CRI log prefix ("2024-06-12T05:53:08.531Z stderr F ") and kubectl --prefix ("[pod/name/container] ").</summary>
    private static string StripPrefixes(string line, out string? pod, out string? container)
    {
        pod = container = null;
        var cri = CriRegex().Match(line);
        if (cri.Success) line = line[cri.Length..];
        var prefix = KubectlPrefixRegex().Match(line);
        if (prefix.Success)
        {
            pod = prefix.Groups[1].Value;
            container = prefix.Groups[2].Value;
            line = line[prefix.Length..];
        }
        return line;
    }

    /// <summary>The container name, else the pod name without its ReplicaSet / pod hash suffixes ("calico-node-7kvkf" -> "calico-node").</summary>
    private static string? Component(LogLine line)
    {
        if (line.Container is { Length: > 0 } c) return c;
        if (line.Pod is not { Length: > 0 } pod) return null;
        pod = PodSuffixRegex().Replace(pod, "");
        var rs = ReplicaSetHashRegex().Match(pod);
        if (rs.Success && rs.Groups[1].Value.Any(char.IsAsciiDigit)) pod = pod[..rs.Index];
        return pod;
    }

    private sealed class Pending(int line, LogLineFormats.Head head, string? pod, string? container)
    {
        private StringBuilder? _more;
        private int _count;

        public LogLineFormats.Head Head { get; } = head;

        public void Continue(string text)
        {
            _more ??= new StringBuilder(Head.Message);
            _more.Append('\n').Append(text);
            _count++;
        }

        public LogLine ToLogLine(ParseInput input, LogFileName file) => new()
        {
            Source = input.At(line),
            Node = input.Node,
            Namespace = file.Namespace,
            Pod = pod ?? file.Pod,
            Container = container ?? file.Container,
            Previous = file.Previous,
            Timestamp = Head.Timestamp,
            TimestampText = Head.TimestampText,
            Level = Head.Level,
            Logger = Head.Logger,
            Message = _more?.ToString() ?? Head.Message,
            Format = Head.Format,
            ContinuationLines = _count,
        };
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}) (stdout|stderr) [FP] ")]
    private static partial Regex CriRegex();

    [GeneratedRegex(@"^\[pod/([^/\]\s]+)/([^\]\s]+)\] ")]
    private static partial Regex KubectlPrefixRegex();

    [GeneratedRegex(@"-[a-z0-9]{5}$")]
    private static partial Regex PodSuffixRegex();

    [GeneratedRegex(@"-([a-z0-9]{8,10})$")]
    private static partial Regex ReplicaSetHashRegex();
}
