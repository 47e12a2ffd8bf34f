using System.Net;
using System.Text.RegularExpressions;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Logs;

/// <summary>
/// The lines in which an API server (kube-apiserver, or an aggregated one) logs that it refused a request, with whatever
/// it says about who asked: failed authentication ("Unable to authenticate the request" — a stale or foreign
/// ServiceAccount token, a 401), the request log ("HTTP" … resp=403, or the older "GET /api/v1/namespaces: (…) 401
/// [[agent] 10.36.15.21:64402]") with user agent and source address, and RBAC denials naming the user
/// ("RBAC DENY: user \"system:serviceaccount:…\"", "RBAC: no rules authorize user …").
/// </summary>
internal static partial class ApiServerRefusals
{
    public sealed record Refusal(LogEventKind Kind, int Index, int? Status, string? User, string? UserAgent, IPAddress? Client);

    public static Refusal? Find(string text)
    {
        Match m;
        if ((m = AuthenticationRegex().Match(text)).Success)
            return new(LogEventKind.Unauthorized, m.Index, 401, null, null, null);
        if ((m = HttpLogRegex().Match(text)).Success && Status(m.Groups["resp"].Value) is { } status)
            return new(Kind(status), m.Index, status, null, Quoted(m.Groups["agent"].Value), Address(m.Groups["src"].Value));
        if ((m = RequestLineRegex().Match(text)).Success && Status(m.Groups["resp"].Value) is { } old)
            return new(Kind(old), m.Index, old, null, m.Groups["agent"].Value.Trim(), Address(m.Groups["src"].Value));
        if ((m = RbacRegex().Match(text)).Success)
            return new(LogEventKind.Forbidden, m.Index, 403, m.Groups["user"].Value, null, null);
        return null;
    }

    /// <summary>The user a client-side "… is forbidden: User \"…\" cannot list …" message names.</summary>
    public static string? ForbiddenUser(string text) => ForbiddenUserRegex().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    private static int? Status(string text) => text switch { "401" => 401, "403" => 403, _ => null };

    private static LogEventKind Kind(int status) => status == 401 ? LogEventKind.Unauthorized : LogEventKind.Forbidden;

    private static string? Quoted(string text) => text.Length == 0 ? null : text.Replace("\\\"", "\"");

    /// <summary>"10.244.1.3:45848" or "[fd00::3]:45848" to the address.</summary>
    private static IPAddress? Address(string hostPort)
    {
        int colon = hostPort.LastIndexOf(':');
        var host = (colon > 0 ? hostPort[..colon] : hostPort).Trim('[', ']');
        return IPAddress.TryParse(host, out var ip) ? ip : null;
    }

    // E1126 03:38:26.776766 1 authentication.go:75] "Unable to authenticate the request" err="[invalid bearer token, ...]"
    // E1013 13:39:43.193494 1 handlers.go:54] Unable to authenticate the request due to an error: crypto/rsa: verification error
    [GeneratedRegex(@"Unable to authenticate the request")]
    private static partial Regex AuthenticationRegex();

    // httplog.go] "HTTP" verb="LIST" URI="/api/v1/namespaces" latency="1ms" userAgent="kube-controllers/v0.0.0 ..." audit-ID="..." srcIP="10.244.1.3:45848" resp=403
    [GeneratedRegex(@"""HTTP"" verb=""[A-Z]+"" URI=""[^""]{0,2048}""(?:.{0,400}? userAgent=""(?<agent>(?:[^""\\]|\\.){0,512})"")?.{0,400}? srcIP=""(?<src>[^""]{1,64})"".{0,200}? resp=(?<resp>\d{3})\b")]
    private static partial Regex HttpLogRegex();

    // handlers.go:162] GET /api/v1/namespaces: (301.966µs) 401 [[python-requests/2.9.1] 10.36.15.21:64402]
    // wrap.go:42] LIST /api/v1/pods: (1.2ms) 403 [kube-controllers/v0.0.0 (linux/amd64) kubernetes/$Format 10.244.1.3:45848]
    [GeneratedRegex(@"\b(?:GET|LIST|WATCH|POST|PUT|PATCH|DELETE|DELETECOLLECTION) /\S{0,2048}: \([^)]{0,40}\) (?<resp>\d{3}) \[\[?(?<agent>[^\]]{0,512}?)\]? (?<src>[0-9A-Fa-f.:\[\]]{2,64}):\d{1,5}\]")]
    private static partial Regex RequestLineRegex();

    // rbac.go:116] RBAC DENY: user "system:serviceaccount:kube-system:calico-policy-controller" groups [...] cannot "list" resource "namespaces" cluster-wide
    // rbac.go:118] RBAC: no rules authorize user "system:serviceaccount:..." with groups [...] to "list" resource "namespaces" cluster-wide
    [GeneratedRegex(@"RBAC(?: DENY:|: no rules authorize) user ""(?<user>[^""]{1,256})""")]
    private static partial Regex RbacRegex();

    // pods is forbidden: User "system:serviceaccount:kube-system:calico-kube-controllers" cannot list resource "pods"
    [GeneratedRegex(@"forbidden: User \\?""([^""\\]{1,256})\\?"" cannot")]
    private static partial Regex ForbiddenUserRegex();
}
