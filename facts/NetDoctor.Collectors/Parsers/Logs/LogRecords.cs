using System.Text;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Logs;

/// <summary>
/// Turns the message lines of a log — a plain log's lines, or what a wrapper (CRI, Docker json-file, svlogd, journald)
/// holds inside each of its lines — into <see cref="LogLine"/>s and the <see cref="LogEvent"/>s their text shows, the same
/// way whatever the wrapper: records in any known layout (klog, Calico, Python logging, CoreDNS, plain), indented lines and
/// Python tracebacks folded into the record above. Each record's source is the file line its first message line came from.
/// </summary>
internal sealed class LogRecords(ParseInput input, ParseResult result, LogFileName file)
{
    private readonly CalicoNodeStartupAddresses _calicoAddresses = new();
    private Pending? _pending;

    /// <param name="line">The line of the file this message line was read from.</param>
    /// <param name="pod">The pod the line names itself (kubectl --prefix), over the one the file name gives.</param>
    /// <param name="container">The container or program the line names itself (journald's identifier), over the file name's.</param>
    /// <param name="continues">The wrapper knows this line continues the record above (journald indents continuations).</param>
    public void Add(int line, string text, string? pod = null, string? container = null, bool continues = false)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var head = LogLineFormats.Read(text);
        if (head is null && _pending is not null && (continues || IsContinuation(text, _pending.Head)))
        {
            _pending.Continue(text);
            return;
        }
        Flush();
        _pending = new Pending(line, head ?? new LogLineFormats.Head(LogFormat.Plain, LogLevel.Unknown, null, null, null, text), pod, container);
    }

    /// <summary>Emits the last record; call once at the end of the file.</summary>
    public void Flush()
    {
        if (_pending is null) return;
        var line = _pending.ToLogLine(input, file);
        result.Add(line);
        foreach (var e in LogEventClassifier.Classify(line, LogComponents.Of(line))) result.Add(e);
        foreach (var node in _calicoAddresses.Read(line)) result.Add(node);
        _pending = null;
    }

    /// <summary>Indented lines continue any record; a Python record also owns its unindented traceback lines.</summary>
    private static bool IsContinuation(string text, LogLineFormats.Head head) =>
        head.Format != LogFormat.Plain && (char.IsWhiteSpace(text[0]) || head.Format == LogFormat.Python);

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
}
