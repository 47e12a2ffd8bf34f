using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.ClusterConfig;

/// <summary>
/// Turns one configured range ("10.244.0.0/16", dual-stack "10.42.0.0/16,2001:cafe:42::/56") into a <see cref="ClusterNetwork"/>
/// at the line of its value. A value that is not a CIDR is a problem at that line, never a guess.
/// </summary>
public static class NetworkValues
{
    public static void Add(ClusterNetworkRole role, string? text, string origin, int line, ParseInput input, ParseResult result)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var cidrs = new List<Cidr>();
        foreach (var part in parts)
        {
            if (Cidr.TryParse(part, out var cidr) && part.Contains('/')) cidrs.Add(cidr);
            else result.Problem(input.At(line), $"{origin} '{Snippet.Of(part)}' is not a CIDR");
        }
        if (cidrs.Count == 0) return;
        result.Add(new ClusterNetwork { Source = input.At(line), Node = input.Node, Role = role, Cidrs = cidrs, Text = text.Trim(), Origin = origin });
    }

    /// <summary>"10.100.0.1:6443", "https://k3s.example.com:6443", "[fd00::1]:6443", "api.example.com".</summary>
    public static void Endpoint(string? text, string origin, int line, ParseInput input, ParseResult result)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var value = text.Trim();
        var rest = value.Contains("://", StringComparison.Ordinal) ? value[(value.IndexOf("://", StringComparison.Ordinal) + 3)..] : value;
        rest = rest.TrimEnd('/');
        string host = rest;
        int? port = null;
        int colon = rest.LastIndexOf(':');
        bool bracketed = rest.StartsWith('[');
        if (colon > 0 && (bracketed ? rest.IndexOf(']') < colon : rest.IndexOf(':') == colon) &&
            int.TryParse(rest[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536)
        {
            host = rest[..colon];
            port = p;
        }
        host = host.Trim('[', ']');
        if (host.Length == 0 || host.Length > 253 || host.Any(c => char.IsWhiteSpace(c) || c is '/' or '"' or '\''))
        {
            result.Problem(input.At(line), $"{origin} '{Snippet.Of(value)}' is not a host[:port]");
            return;
        }
        result.Add(new ControlPlaneEndpoint { Source = input.At(line), Node = input.Node, Text = value, Host = host, Port = port, Origin = origin });
    }
}
