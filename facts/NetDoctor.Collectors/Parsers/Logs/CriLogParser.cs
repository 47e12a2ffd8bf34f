using System.Text.RegularExpressions;
using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Parsers.Logs;

/// <summary>
/// A container log in the CRI format containerd and CRI-O write under /var/log/pods:
/// "2024-02-16T04:58:08.485000000Z stderr F &lt;message&gt;". A message longer than the runtime's buffer is split into
/// "P" (partial) lines ended by an "F" line; they are joined back into one message whose source is the first part's line.
/// The messages go through the same record reader as a plain container log; namespace, pod and container come from the
/// kubelet's path (…/pods/&lt;namespace&gt;_&lt;pod&gt;_&lt;uid&gt;/&lt;container&gt;/0.log).
/// </summary>
public sealed partial class CriLogParser : IFormatParser
{
    public string Kind => "cri-log";

    public int Sniff(string fileName, string head)
    {
        int lines = 0, cri = 0;
        foreach (var line in head.Split('\n'))
        {
            if (line.Trim().Length == 0 || PastedText.IsPasteMark(line)) continue;
            if (++lines > 10) break;
            if (CriRegex().IsMatch(line.TrimEnd('\r'))) cri++;
        }
        // Above container-log's 100 for a ".log" name on a tie (listed first): the wrapping is certain from two lines.
        return cri >= 2 && cri * 2 >= lines ? 100 : cri == 1 && lines <= 2 ? 90 : cri >= 1 ? 50 : 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        var records = new LogRecords(input, result, LogFileName.Of(input.Path));
        var partial = new PartialMessage(input, result);
        TextLines.ForEach(input.Text, (number, span) =>
        {
            var line = span.ToString();
            var m = CriRegex().Match(line);
            if (!m.Success)
            {
                WrappedLines.Stray(number, line, "CRI log", input, result, records);
                return;
            }
            var message = m.Groups["msg"].Value;
            if (m.Groups["tag"].Value == "P") partial.Append(number, message);
            else partial.Complete(records, number, message);
        });
        partial.Finish(records);
        records.Flush();
        return result;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2}) (stdout|stderr) (?<tag>[PF])(:\S*)?( (?<msg>.*))?$")]
    private static partial Regex CriRegex();
}
