using System.Text.RegularExpressions;
using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Parsers.Logs;

/// <summary>
/// `journalctl` output (and syslog files in the same layout): the default short format
/// "Nov 22 19:53:42 k8s01 kubelet[1234]: &lt;message&gt;", short-precise (with microseconds), short-iso
/// "2026-11-22T19:53:42+0000 k8s01 kubelet[1234]: …" and short-iso-precise. The program's name (the syslog identifier:
/// kubelet, containerd, calico-node, kube-proxy) stands where a container log has its container. journalctl's own
/// "-- Logs begin at … --" / "-- Boot … --" lines are skipped; its indented continuation lines belong to the entry above.
/// `calicoctl node diags` saves `journalctl -u calico-node.service` as journalctl_calico_node.
/// </summary>
public sealed partial class JournalctlParser : IFormatParser
{
    public string Kind => "journalctl";

    public int Sniff(string fileName, string head)
    {
        int lines = 0, entries = 0;
        bool marker = false;
        foreach (var raw in head.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || PastedText.IsPasteMark(line)) continue;
            if (MarkerRegex().IsMatch(line)) { marker = true; continue; }
            if (++lines > 10) break;
            if (EntryRegex().IsMatch(line)) entries++;
        }
        bool named = Path.GetFileName(fileName).Contains("journal", StringComparison.OrdinalIgnoreCase);
        if (entries >= 2 && entries * 2 >= lines) return 100;
        if (entries >= 1 && (marker || named)) return 95;
        if (marker && named) return 90;
        return entries >= 1 ? 40 : 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        var records = new LogRecords(input, result, LogFileName.Of(input.Path));
        bool inEntry = false;
        TextLines.ForEach(input.Text, (number, span) =>
        {
            var line = span.ToString();
            var m = EntryRegex().Match(line);
            if (m.Success)
            {
                records.Add(number, m.Groups["msg"].Value, container: m.Groups["id"].Value);
                inEntry = true;
                return;
            }
            if (MarkerRegex().IsMatch(line)) { inEntry = false; return; }
            // journalctl indents the further lines of a multi-line message under its first.
            if (inEntry && line.Length > 0 && char.IsWhiteSpace(line[0]) && line.Trim().Length > 0)
            {
                records.Add(number, line, continues: true);
                return;
            }
            WrappedLines.Stray(number, line, "journalctl", input, result, records);
        });
        records.Flush();
        return result;
    }

    // short / short-precise (months in English, or as a zh_CN locale prints them: "9月 06") / short-iso / short-iso-precise /
    // short-full, then host, identifier[pid]: message
    [GeneratedRegex(@"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [A-Z]{2,5}|(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|1?\d月) [ 0-3]\d \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:?\d{2})) (?<host>\S+) (?<id>[^\s\[]{1,128}?)(?:\[\d+\])?:(?: (?<msg>.*))?$")]
    private static partial Regex EntryRegex();

    /// <summary>journalctl's own lines: "-- Logs begin at …", "-- Journal begins at …", "-- Boot 3a1c… --", "-- No entries --", "-- Reboot --".</summary>
    [GeneratedRegex(@"^-- (Logs begin at|Journal begins at|Boot [0-9a-f]+|No entries|Reboot|Subject:|Defined-By:|Support:).*$")]
    private static partial Regex MarkerRegex();
}
