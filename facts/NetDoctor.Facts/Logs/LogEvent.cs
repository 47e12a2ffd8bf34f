using System.Net;

namespace NetDoctor.Facts;

public enum LogEventKind
{
    /// <summary>"dial tcp 10.96.0.1:443: ..." — a TCP/UDP connect that failed.</summary>
    DialFailure,
    /// <summary>The API server answered 401 Unauthorized.</summary>
    Unauthorized,
    /// <summary>The API server answered 403 Forbidden.</summary>
    Forbidden,
    /// <summary>A response the client could not decode (JSONDecodeError, "invalid character", "unexpected end of JSON").</summary>
    UndecodableResponse,
    /// <summary>A DNS lookup or forward that timed out or failed (CoreDNS "plugin/errors").</summary>
    DnsFailure,
}

/// <summary>Why a connection failed.</summary>
public enum ConnectFailureKind
{
    Other,
    /// <summary>"i/o timeout" (also the retyped "io timeout"): packets left and nothing came back.</summary>
    Timeout,
    /// <summary>"connect: network is unreachable" / "no route to host": the node has no route.</summary>
    Unreachable,
    /// <summary>"connection refused": something answered with a reset.</summary>
    Refused,
}

/// <summary>
/// A classified log line: what went wrong, and for dial failures where to (<see cref="Target"/>:<see cref="Port"/>).
/// <see cref="Fact.Source"/> is the log line's.
/// </summary>
public sealed record LogEvent : Fact
{
    public required LogEventKind Kind { get; init; }
    public IPAddress? Target { get; init; }
    public int? Port { get; init; }
    /// <summary>"tcp" or "udp" for dial failures.</summary>
    public string? Network { get; init; }
    public ConnectFailureKind FailureKind { get; init; }
    /// <summary>The component that logged it: the container name, else the pod name without its hash suffixes.</summary>
    public string? Component { get; init; }
    public string? Namespace { get; init; }
    public string? Pod { get; init; }
    public string? Container { get; init; }
    public LogLevel Level { get; init; }
    /// <summary>When the line was logged, as its <see cref="LogLine"/> read it (null when the line carries no time).</summary>
    public DateTimeOffset? Timestamp { get; init; }
    /// <summary>The time as written in the log ("2017-07-05 09:05:32,408"), for messages.</summary>
    public string? TimestampText { get; init; }
    /// <summary>The part of the line that was classified (first line of the message, shortened).</summary>
    public required string Excerpt { get; init; }

    /// <summary>
    /// For a 401/403: the user the API server refused, as logged ("system:serviceaccount:kube-system:calico-kube-controllers");
    /// from the API server's own log (RBAC denials) or a client's "forbidden: User ..." message. Null when not logged.
    /// </summary>
    public string? User { get; init; }

    /// <summary>For a refusal the API server logged: the client's user agent ("kube-controllers/v0.0.0 (linux/amd64) ...").</summary>
    public string? UserAgent { get; init; }

    /// <summary>For a refusal the API server logged: the address the request came from (a pod IP names the pod).</summary>
    public IPAddress? Client { get; init; }

    /// <summary>The HTTP status of a refusal when the line states it (401, 403).</summary>
    public int? StatusCode { get; init; }

    /// <summary>"namespace/name" when <see cref="User"/> is a service account, else null.</summary>
    public string? ServiceAccount =>
        User is { } u && u.StartsWith("system:serviceaccount:", StringComparison.Ordinal) && u.Split(':') is [_, _, var ns, var name] ? $"{ns}/{name}" : null;

    public string? TargetEndpoint => Target is null ? null : IpvsKeys.Of(IpvsProtocol.Tcp, Target, Port ?? 0, null);

    public override string Summary => Kind switch
    {
        LogEventKind.DialFailure => $"{Component ?? Pod ?? "log"}: dial {Network} {TargetEndpoint} failed ({FailureKind})",
        _ when ServiceAccount is { } sa => $"{Component ?? Pod ?? "log"}: {Kind} for serviceaccount {sa}",
        _ => $"{Component ?? Pod ?? "log"}: {Kind}",
    };
}
