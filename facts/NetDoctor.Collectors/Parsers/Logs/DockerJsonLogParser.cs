using System.Text.Json;
using System.Text.RegularExpressions;
using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Parsers.Logs;

/// <summary>
/// A container log in Docker's json-file format (/var/lib/docker/containers/&lt;id&gt;/&lt;id&gt;-json.log, and the
/// /var/log/containers links of dockershim clusters): one JSON object per line,
/// {"log":"&lt;message&gt;\n","stream":"stderr","time":"2024-02-16T04:58:08.485Z"}. Docker splits a message longer than
/// 16 KiB over several entries and only the last ends in a newline; they are joined back. The messages go through the
/// same record reader as a plain container log.
/// </summary>
public sealed partial class DockerJsonLogParser : IFormatParser
{
    public string Kind => "docker-json-log";

    public int Sniff(string fileName, string head)
    {
        int lines = 0, docker = 0;
        foreach (var line in head.Split('\n'))
        {
            if (line.Trim().Length == 0 || PastedText.IsPasteMark(line)) continue;
            if (++lines > 10) break;
            if (EntryRegex().IsMatch(line)) docker++;
        }
        return docker >= 2 && docker * 2 >= lines ? 100 : docker == 1 && lines <= 2 ? 90 : docker >= 1 ? 50 : 0;
    }

    public ParseResult Parse(ParseInput input)
    {
        var result = new ParseResult();
        var records = new LogRecords(input, result, LogFileName.Of(input.Path));
        var partial = new PartialMessage(input, result);
        TextLines.ForEach(input.Text, (number, span) =>
        {
            var line = span.ToString();
            if (!line.TrimStart().StartsWith('{'))
            {
                WrappedLines.Stray(number, line, "Docker json-file log", input, result, records);
                return;
            }
            if (Message(line) is not { } message)
            {
                result.Problem(input.At(number), $"not a Docker json-file entry (no \"log\" text): {Snippet.Of(line)}");
                return;
            }
            // Only the last piece of a split message ends with a newline.
            if (!message.EndsWith('\n'))
            {
                partial.Append(number, message);
                return;
            }
            var parts = message.TrimEnd('\n').TrimEnd('\r').Split('\n');
            partial.Complete(records, number, parts[0].TrimEnd('\r'));
            foreach (var more in parts.Skip(1)) records.Add(number, more.TrimEnd('\r'));
        });
        partial.Finish(records);
        records.Flush();
        return result;
    }

    private static string? Message(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("log", out var log) && log.ValueKind == JsonValueKind.String
                ? log.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Docker writes the fields in this order (its JSONLog struct); "attrs" may follow "time".</summary>
    [GeneratedRegex(@"^\s*\{""log"":"".*"",""stream"":""(stdout|stderr)"",""time"":""\d{4}-\d{2}-\d{2}T")]
    private static partial Regex EntryRegex();
}
