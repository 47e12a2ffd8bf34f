using System.Text.RegularExpressions;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.Logs;

/// <summary>
/// A container log as `kubectl logs` prints it (the bundle's "&lt;node&gt;/&lt;namespace&gt;/&lt;pod&gt;.log", `docker logs`, a plain file).
/// Each record becomes a <see cref="LogLine"/> in whichever format it is written (klog, Calico, Python logging, CoreDNS, plain;
/// one file may mix them); indented lines and Python tracebacks fold into the record above. Records that show a failed dial,
/// a 401/403 or an undecodable API response also give a <see cref="LogEvent"/>. Namespace, pod and container come from the path.
/// Logs still in their runtime's wrapping (CRI, Docker json-file, svlogd, journald) have parsers of their own that feed the
/// same record reader.
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
        var records = new LogRecords(input, result, LogFileName.Of(input.Path));
        TextLines.ForEach(input.Text, (number, span) =>
        {
            if (span.IsWhiteSpace()) return;
            var text = StripPrefixes(span.ToString(), out var pod, out var container);
            records.Add(number, text, pod, container);
        });
        records.Flush();
        return result;
    }

    /// <summary>
    /// Drops a CRI log prefix ("2024-06-12T05:53:08.531Z stderr F ") left on a line or two of a paste, the time
    /// `kubectl logs --timestamps` and `docker logs -t` put first ("2016-11-09T12:32:18.399434103Z "), and kubectl --prefix
    /// ("[pod/name/container] ").
    /// </summary>
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

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}) ((stdout|stderr) [FP] )?")]
    private static partial Regex CriRegex();

    [GeneratedRegex(@"^\[pod/([^/\]\s]+)/([^\]\s]+)\] ")]
    private static partial Regex KubectlPrefixRegex();
}
