using System.Text.RegularExpressions;
using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Parsers.Logs;

/// <summary>
/// A log kept by runit's svlogd, as calico-node keeps each of its components' logs (/var/log/calico/felix/current,
/// bird/current, confd/current — copied into `calicoctl node diags` under logs/): every line starts with the time svlogd
/// read it, "2026-11-22_19:53:42.83842 " (-tt), "2026-11-22T19:53:42.83842 " (-ttt) or "@4000000067408e7a31f2b5c4 "
/// (-t, TAI64N). The messages go through the same record reader as a plain container log; the component is the folder
/// ("felix", "bird").
/// </summary>
public sealed partial class SvlogdLogParser : IFormatParser
{
    public string Kind => "svlogd-log";

    public int Sniff(string fileName, string head)
    {
        int lines = 0, stamped = 0;
        foreach (var line in head.Split('\n'))
        {
            if (line.Trim().Length == 0 || PastedText.IsPasteMark(line)) continue;
            if (++lines > 10) break;
            if (LineRegex().IsMatch(line.TrimEnd('\r'))) stamped++;
        }
        return stamped >= 2 && stamped * 2 >= lines ? 100 : stamped == 1 && lines <= 2 ? 90 : stamped >= 1 ? 50 : 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        var records = new LogRecords(input, result, LogFileName.Of(input.Path));
        TextLines.ForEach(input.Text, (number, span) =>
        {
            var line = span.ToString();
            var m = LineRegex().Match(line);
            if (m.Success) records.Add(number, m.Groups["msg"].Value);
            else WrappedLines.Stray(number, line, "svlogd", input, result, records);
        });
        records.Flush();
        return result;
    }

    [GeneratedRegex(@"^(@[0-9a-f]{24}|\d{4}-\d{2}-\d{2}[_T]\d{2}:\d{2}:\d{2}\.\d{5})( (?<msg>.*))?$")]
    private static partial Regex LineRegex();
}
