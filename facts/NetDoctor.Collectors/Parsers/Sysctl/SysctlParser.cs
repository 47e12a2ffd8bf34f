using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Parsers.Sysctl;

/// <summary>
/// `sysctl -a` ("net.ipv4.ip_forward = 1"). Also reads "key: value" and "/proc/sys/..." paths as some
/// scripts print them. Messages of sysctl itself ("sysctl: permission denied on key ...") are reported as problems.
/// </summary>
public sealed class SysctlParser : IFormatParser
{
    public string Kind => "sysctl";

    public int Sniff(string fileName, string head)
    {
        if (Path.GetFileName(fileName) is "sysctl.txt") return 100;
        int hits = 0, lines = 0;
        TextLines.ForEach(head, (_, l) =>
        {
            if (l.IsWhiteSpace()) return;
            lines++;
            int eq = l.IndexOf(" = ", StringComparison.Ordinal);
            if (eq > 0 && IsKey(l[..eq])) hits++;
        });
        return lines > 0 && hits * 10 >= lines * 9 ? 80 : 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        var pool = new StringPool();
        TextLines.ForEach(input.Text, (n, raw) =>
        {
            var line = raw.Trim();
            if (line.IsEmpty || line[0] == '#' || line[0] == ';') return;
            if (line.StartsWith("sysctl: "))
            {
                result.Problem(input.At(n), Snippet.Of(line));
                return;
            }
            int eq = line.IndexOf('=');
            if (eq < 0) eq = line.IndexOf(": ", StringComparison.Ordinal);
            var key = eq > 0 ? line[..eq].Trim() : default;
            bool procPath = key.StartsWith("/proc/sys/");
            if (procPath) key = key["/proc/sys/".Length..];
            if (key.IsEmpty || !IsKey(key))
            {
                result.Problem(input.At(n), $"not a sysctl line: '{Snippet.Of(line)}'");
                return;
            }
            result.Add(new Facts.Sysctl
            {
                // In `sysctl -a` a '/' stands for a '.' inside a name ("conf.vxlan/calico"); only a /proc path uses it as separator.
                Key = procPath ? key.ToString().Replace('/', '.') : pool.Get(key),
                Value = line[(eq + 1)..].Trim().ToString(),
                Node = input.Node,
                Source = input.At(n),
            });
        });
        return result;
    }

    /// <summary>Dotted (or slashed) names of printable characters without blanks, as the kernel names its parameters.</summary>
    private static bool IsKey(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty || key.Length > 256 || (key.IndexOf('.') < 0 && key.IndexOf('/') < 0)) return false;
        foreach (var c in key)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/' or '@' or ':' or '+')) return false;
        return true;
    }
}
