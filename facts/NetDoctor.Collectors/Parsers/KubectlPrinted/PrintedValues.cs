using System.Net;

namespace NetDoctor.Collectors.Parsers.KubectlPrinted;

/// <summary>How kubectl prints absent and listed values: "&lt;none&gt;", "&lt;pending&gt;", "&lt;unknown&gt;", comma lists.</summary>
internal static class PrintedValues
{
    public static bool IsAbsent(string? text) => string.IsNullOrWhiteSpace(text) || text is "<none>" or "<pending>" or "<unknown>" or "<unset>" or "<nil>";

    public static string? OrNull(string? text) => IsAbsent(text) ? null : text!.Trim();

    /// <summary>The addresses of a cell ("10.0.0.1", "10.0.0.1,fd00::1"); what is not an address is returned in <paramref name="bad"/>.</summary>
    public static List<IPAddress> Ips(string? text, out List<string> bad)
    {
        var ips = new List<IPAddress>();
        bad = [];
        if (IsAbsent(text)) return ips;
        foreach (var part in text!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPAddress.TryParse(part, out var ip) && (part.Contains(':') || part.Count(c => c == '.') == 3)) ips.Add(ip);
            else bad.Add(part);
        }
        return ips;
    }

    /// <summary>"k8s-app=kube-dns,tier=node" to a map; "&lt;none&gt;" to an empty one.</summary>
    public static Dictionary<string, string> Pairs(string? text)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (IsAbsent(text)) return map;
        foreach (var part in text!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=');
            if (eq > 0) map[part[..eq]] = part[(eq + 1)..];
        }
        return map;
    }
}
