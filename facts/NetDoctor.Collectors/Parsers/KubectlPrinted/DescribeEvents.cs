using System.Globalization;
using System.Text.RegularExpressions;
using NetDoctor.Collectors.Parsers.Logs;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsers.KubectlPrinted;

/// <summary>
/// The "Events:" table of `kubectl describe` (Type Reason Age From Message; kubectl before 1.10: FirstSeen LastSeen Count
/// From SubObjectPath Type Reason Message) as <see cref="KubeEvent"/>s. A message that shows a failed dial or a refusal
/// ("FailedCreatePodSandBox … dial tcp 10.96.0.1:443: connect: network is unreachable") also gives the
/// <see cref="LogEvent"/> a log line saying it would, on the node the object is on, from the reporting component.
/// </summary>
internal static partial class DescribeEvents
{
    public static void Read(DescribeField? events, string kind, string name, string? ns, string? node, ParseInput input, ParseResult result)
    {
        if (events is null || events.Lines.Count == 0) return;
        var header = events.Lines.FirstOrDefault(l => HeaderRegex().IsMatch(l.Text));
        if (header.Text is null)
        {
            result.Problem(input.At(events.Lines[0].Line), $"Events of {kind} {name}: no Type/Reason/Message header above the rows");
            return;
        }
        var columns = Columns(header.Text);
        foreach (var (line, text) in events.Lines)
        {
            if (line <= header.Line || DashesRegex().IsMatch(text)) continue;
            var cells = Cells(text, columns);
            string? type = cells.GetValueOrDefault("Type"), reason = cells.GetValueOrDefault("Reason");
            if (type is not ("Normal" or "Warning") || string.IsNullOrEmpty(reason))
            {
                result.Problem(input.At(line), $"not an event row under {kind} {name}: {Snippet.Of(text)}");
                continue;
            }
            var age = cells.GetValueOrDefault("Age") ?? cells.GetValueOrDefault("LastSeen");
            int count = 1;
            if (age is not null && RepeatRegex().Match(age) is { Success: true } m)
            {
                count = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                age = age[..m.Index].Trim();
            }
            else if (int.TryParse(cells.GetValueOrDefault("Count"), NumberStyles.None, CultureInfo.InvariantCulture, out int c))
            {
                count = c;
            }

            var ev = new KubeEvent
            {
                Source = input.At(line),
                Namespace = ns,
                ObjectKind = kind,
                ObjectName = name,
                Type = type,
                Reason = reason,
                Age = age,
                Count = count,
                From = cells.GetValueOrDefault("From"),
                Message = cells.GetValueOrDefault("Message") ?? "",
            };
            result.Add(ev);
            Classify(ev, node, kind == "Pod" ? name : null, result);
        }
    }

    /// <summary>The event's message through the same classifier as a log line's.</summary>
    private static void Classify(KubeEvent ev, string? node, string? pod, ParseResult result)
    {
        if (ev.Message.Length == 0) return;
        var line = new LogLine
        {
            Source = ev.Source,
            Node = node,
            Namespace = ev.Namespace,
            Pod = pod,
            Level = ev.IsWarning ? LogLevel.Warning : LogLevel.Info,
            Message = ev.Message,
        };
        // The component that reported it (the kubelet running the CNI plugin), not the pod it is about.
        string? component = ev.From?.Split(',', ' ')[0] is { Length: > 0 } from ? from : null;
        foreach (var e in LogEventClassifier.Classify(line, component)) result.Add(e);
    }

    private static List<(string Name, int Start)> Columns(string header)
    {
        var columns = new List<(string, int)>();
        foreach (Match m in WordRegex().Matches(header)) columns.Add((m.Value, m.Index));
        return columns;
    }

    /// <summary>Cells by the header's positions; the last column (Message) runs to the end of the line.</summary>
    private static Dictionary<string, string> Cells(string row, List<(string Name, int Start)> columns)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < columns.Count; i++)
        {
            int from = columns[i].Start;
            if (from >= row.Length) break;
            int to = i + 1 < columns.Count ? Math.Min(row.Length, columns[i + 1].Start) : row.Length;
            var cell = row[from..to].Trim();
            if (cell.Length > 0) cells[columns[i].Name] = cell;
        }
        return cells;
    }

    [GeneratedRegex(@"^\s*(Type\s+Reason\s+Age\s+From\s+Message|FirstSeen\s+LastSeen\s+Count\s+From\s+SubObjectPath\s+Type\s+Reason\s+Message)\s*$")]
    private static partial Regex HeaderRegex();

    [GeneratedRegex(@"^\s*-{2,}(\s+-{2,})*\s*$")]
    private static partial Regex DashesRegex();

    [GeneratedRegex(@"\S+")]
    private static partial Regex WordRegex();

    // "59m (x7 over 2d2h)"
    [GeneratedRegex(@"\(x(\d{1,9}) over [^)]*\)\s*$")]
    private static partial Regex RepeatRegex();
}
