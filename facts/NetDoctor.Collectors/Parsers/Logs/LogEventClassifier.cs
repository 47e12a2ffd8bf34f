using System.Net;
using System.Text.RegularExpressions;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Logs;

/// <summary>
/// Finds the failures the network diagnoses care about in a log message: failed dials (with target and why),
/// 401/403 answers of the API server (seen by the client, or logged by the API server with the refused user, agent and
/// source: <see cref="ApiServerRefusals"/>), responses a client could not decode, DNS forwards that failed.
/// </summary>
public static partial class LogEventClassifier
{
    public static IEnumerable<LogEvent> Classify(LogLine line, string? component)
    {
        var text = line.Message;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in DialRegex().Matches(text))
        {
            if (!TryTarget(m.Groups[2].Value, m.Groups[3].Value, out var ip, out var port)) continue;
            var failure = FailureOf(m.Groups[4].Value);
            if (!seen.Add($"dial {ip}:{port} {failure}")) continue;
            yield return Event(line, component, LogEventKind.DialFailure, m.Value) with
            {
                Target = ip, Port = port, Network = m.Groups[1].Value, FailureKind = failure,
            };
        }
        foreach (Match m in ReadRegex().Matches(text))
        {
            if (!TryTarget(m.Groups[2].Value, m.Groups[3].Value, out var ip, out var port) || !seen.Add($"dns {ip}:{port}")) continue;
            yield return Event(line, component, LogEventKind.DnsFailure, m.Value) with
            {
                Target = ip, Port = port, Network = m.Groups[1].Value, FailureKind = FailureOf(m.Groups[4].Value),
            };
        }
        // What the API server itself logs about a refusal says more (status, user, agent, source) than the words do.
        var refusal = ApiServerRefusals.Find(text);
        if (refusal is not null)
        {
            yield return Event(line, component, refusal.Kind, Around(text, refusal.Index)) with
            {
                StatusCode = refusal.Status, User = refusal.User, UserAgent = refusal.UserAgent, Client = refusal.Client,
            };
        }

        if (refusal?.Kind != LogEventKind.Unauthorized && UnauthorizedRegex().Match(text) is { Success: true } u)
            yield return Event(line, component, LogEventKind.Unauthorized, Around(text, u.Index));
        if (refusal?.Kind != LogEventKind.Forbidden && ForbiddenRegex().Match(text) is { Success: true } f)
            yield return Event(line, component, LogEventKind.Forbidden, Around(text, f.Index)) with { User = ApiServerRefusals.ForbiddenUser(text) };
        if (UndecodableRegex().Match(text) is { Success: true } d) yield return Event(line, component, LogEventKind.UndecodableResponse, Around(text, d.Index));
    }

    public static ConnectFailureKind FailureOf(string reason)
    {
        var r = reason.ToLowerInvariant();
        if (r.Contains("i/o timeout") || r.Contains("io timeout") || r.Contains("timed out") || r.Contains("timeout")) return ConnectFailureKind.Timeout;
        if (r.Contains("network is unreachable") || r.Contains("no route to host") || r.Contains("host is unreachable")) return ConnectFailureKind.Unreachable;
        if (r.Contains("connection refused")) return ConnectFailureKind.Refused;
        return ConnectFailureKind.Other;
    }

    private static LogEvent Event(LogLine line, string? component, LogEventKind kind, string excerpt) => new()
    {
        Source = line.Source,
        Node = line.Node,
        Kind = kind,
        Component = component,
        Namespace = line.Namespace,
        Pod = line.Pod,
        Container = line.Container,
        Level = line.Level,
        Timestamp = line.Timestamp,
        TimestampText = line.TimestampText,
        Excerpt = excerpt.Length > 200 ? excerpt[..200] + "…" : excerpt,
    };

    private static bool TryTarget(string host, string portText, out IPAddress ip, out int port)
    {
        port = 0;
        host = host.Trim('[', ']');
        if (!IPAddress.TryParse(host, out ip!) || (!host.Contains(':') && host.Count(c => c == '.') != 3)) return false;
        return int.TryParse(portText, out port) && port is > 0 and <= 65535;
    }

    private static string Around(string text, int index)
    {
        int lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        int lineEnd = text.IndexOf('\n', index);
        var s = text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)];
        return s;
    }

    // "dial tcp 10.96.0.1:443: i/o timeout", "dial tcp [::1]:9099: connect: connection refused"
    [GeneratedRegex(@"dial (tcp|udp)[46]? (\[[0-9A-Fa-f:.]+\]|[0-9]{1,3}(?:\.[0-9]{1,3}){3}):([0-9]{1,5}): ([^""\n]{0,80})")]
    private static partial Regex DialRegex();

    // CoreDNS forwarding: "read udp 10.244.0.5:45123->10.96.0.10:53: i/o timeout"
    [GeneratedRegex(@"read (udp|tcp) \S{1,60}->(\[[0-9A-Fa-f:.]+\]|[0-9]{1,3}(?:\.[0-9]{1,3}){3}):([0-9]{1,5}): ([^""\n]{0,80})")]
    private static partial Regex ReadRegex();

    [GeneratedRegex(@"\bUnauthorized\b|\b(?:status|code|HTTP|response)\W{0,4}401\b|\b401 Unauthorized", RegexOptions.IgnoreCase)]
    private static partial Regex UnauthorizedRegex();

    [GeneratedRegex(@"\bforbidden\b|\b(?:status|code|HTTP|response)\W{0,4}403\b", RegexOptions.IgnoreCase)]
    private static partial Regex ForbiddenRegex();

    [GeneratedRegex(@"JSONDecodeError|invalid character '.{1,4}' looking for beginning of value|unexpected end of JSON input|json: cannot unmarshal|Expecting value: line \d+ column \d+")]
    private static partial Regex UndecodableRegex();
}
