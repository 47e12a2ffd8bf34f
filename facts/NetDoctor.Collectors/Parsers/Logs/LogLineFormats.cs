using System.Globalization;
using System.Text.RegularExpressions;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Logs;

/// <summary>The head of one log line in each known layout; null when the line starts no record (a continuation or plain text).</summary>
public static partial class LogLineFormats
{
    public sealed record Head(LogFormat Format, LogLevel Level, string? TimestampText, DateTimeOffset? Timestamp, string? Logger, string Message);

    public static Head? Read(string line)
    {
        Match m;
        if ((m = CalicoRegex().Match(line)).Success)
            return new(LogFormat.Calico, Level(m.Groups[2].Value), m.Groups[1].Value, Time(m.Groups[1].Value, "yyyy-MM-dd HH:mm:ss.FFF"), m.Groups[3].Value, m.Groups[4].Value);
        if ((m = CalicoUnstampedRegex().Match(line)).Success)
            return new(LogFormat.Calico, Level(m.Groups[1].Value), null, null, m.Groups[2].Value, m.Groups[3].Value);
        if ((m = KlogRegex().Match(line)).Success)
            return new(LogFormat.Klog, Level(m.Groups[1].Value), $"{m.Groups[2].Value} {m.Groups[3].Value}", null, m.Groups[4].Value, m.Groups[5].Value);
        if ((m = PythonCalicoRegex().Match(line)).Success)
            return new(LogFormat.Python, Level(m.Groups[2].Value), m.Groups[1].Value, Time(m.Groups[1].Value, "yyyy-MM-dd HH:mm:ss,FFF"), m.Groups[3].Value, m.Groups[4].Value);
        if ((m = PythonRegex().Match(line)).Success)
            return new(LogFormat.Python, Level(m.Groups[2].Value), m.Groups[1].Value, Time(m.Groups[1].Value, "yyyy-MM-dd HH:mm:ss,FFF"), null, m.Groups[3].Value);
        if ((m = CoreDnsRegex().Match(line)).Success)
        {
            var message = m.Groups[2].Value;
            var plugin = PluginRegex().Match(message);
            return new(LogFormat.CoreDns, Level(m.Groups[1].Value), null, null, plugin.Success ? plugin.Groups[1].Value : null, message);
        }
        return null;
    }

    /// <summary>Level words of every format, by prefix so that retyped "INF0" still reads as INFO; klog's single letters too.</summary>
    public static LogLevel Level(string text)
    {
        var t = text.ToUpperInvariant();
        if (t == "I" || t.StartsWith("INF", StringComparison.Ordinal)) return LogLevel.Info;
        if (t == "W" || t.StartsWith("WARN", StringComparison.Ordinal)) return LogLevel.Warning;
        if (t == "E" || t.StartsWith("ERR", StringComparison.Ordinal)) return LogLevel.Error;
        if (t == "F" || t.StartsWith("FATAL", StringComparison.Ordinal) || t.StartsWith("PANIC", StringComparison.Ordinal) || t.StartsWith("CRIT", StringComparison.Ordinal)) return LogLevel.Fatal;
        if (t.StartsWith("DEB", StringComparison.Ordinal)) return LogLevel.Debug;
        if (t.StartsWith("TRACE", StringComparison.Ordinal)) return LogLevel.Trace;
        return LogLevel.Unknown;
    }

    private static DateTimeOffset? Time(string text, string format) =>
        DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    // 2020-11-27 10:25:17.123 [ERROR][1] main.go 123: msg   (logger may be a path: "kube-controllers/main.go")
    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d+) \[([A-Za-z0-9]+)\]\[\d+\] (\S+ \d+): ?(.*)$")]
    private static partial Regex CalicoRegex();

    // [FATAL][1343] int_dataplane.go 824: msg   (a Calico line quoted without its timestamp, as reports often do)
    [GeneratedRegex(@"^\[([A-Za-z0-9]+)\]\[\d+\] (\S+ \d+): ?(.*)$")]
    private static partial Regex CalicoUnstampedRegex();

    // E1127 10:25:17.123456   1 file.go:123] msg
    [GeneratedRegex(@"^([IWEF])(\d{4}) (\d{2}:\d{2}:\d{2}\.\d+)\s+\d+ ([^\]\s]+)\] ?(.*)$")]
    private static partial Regex KlogRegex();

    // 2017-07-05 09:05:32,405 5 ERROR msg   (pid optional)
    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d+) (?:\d+ )?(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL) (.*)$")]
    private static partial Regex PythonRegex();

    // 2016-07-28 18:19:24,684 [CRITICAL][307/4] calico.felix.devices 70: msg   (the Python Felix of Calico 1.x, tracebacks follow)
    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d+) \[([A-Za-z]+)\]\[[\d/]+\] (\S+ \d+): ?(.*)$")]
    private static partial Regex PythonCalicoRegex();

    // [ERROR] plugin/errors: 2 example.org. A: read udp ...: i/o timeout
    [GeneratedRegex(@"^\[(INFO|ERROR|WARNING|WARN|DEBUG|FATAL)\] (.*)$")]
    private static partial Regex CoreDnsRegex();

    [GeneratedRegex(@"^(plugin/[a-z0-9_]+):")]
    private static partial Regex PluginRegex();
}
