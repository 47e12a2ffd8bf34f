namespace NetDoctor.Facts;

public enum LogLevel
{
    Unknown,
    Trace,
    Debug,
    Info,
    Warning,
    Error,
    Fatal,
}

/// <summary>The layout a log line was written in; decides how level, time and logger were read.</summary>
public enum LogFormat
{
    Plain,
    /// <summary>Kubernetes klog: "E1127 10:25:17.123456   1 file.go:123] msg".</summary>
    Klog,
    /// <summary>Calico's Go logger: "2020-11-27 10:25:17.123 [ERROR][1] main.go 123: msg".</summary>
    Calico,
    /// <summary>Python logging as Calico's old policy controller wrote it: "2017-07-05 09:05:32,405 5 ERROR msg".</summary>
    Python,
    /// <summary>CoreDNS: "[ERROR] plugin/errors: 2 ...".</summary>
    CoreDns,
}

/// <summary>
/// One logical line of a container log. Continuation lines (a Python traceback, a wrapped message) are folded into
/// <see cref="Message"/> of the line they continue, after a newline; <see cref="Fact.Source"/> is the first line.
/// </summary>
public sealed record LogLine : Fact
{
    public string? Namespace { get; init; }
    public string? Pod { get; init; }
    public string? Container { get; init; }
    /// <summary>True for a "*.previous.log" (the container's previous, crashed run).</summary>
    public bool Previous { get; init; }
    /// <summary>The timestamp when the line has a complete one (klog lines have no year and give null).</summary>
    public DateTimeOffset? Timestamp { get; init; }
    public string? TimestampText { get; init; }
    public LogLevel Level { get; init; }
    /// <summary>Source file and line, or Python logger name, as the format gives it ("main.go 138", "client_config.go:541").</summary>
    public string? Logger { get; init; }
    public required string Message { get; init; }
    public LogFormat Format { get; init; }
    public int ContinuationLines { get; init; }

    public override string Summary => $"{Pod ?? "log"} {Level.ToString().ToUpperInvariant()} {FirstLine}";

    private string FirstLine
    {
        get
        {
            int nl = Message.IndexOf('\n');
            var first = nl < 0 ? Message : Message[..nl];
            return first.Length > 160 ? first[..160] + "…" : first;
        }
    }
}
