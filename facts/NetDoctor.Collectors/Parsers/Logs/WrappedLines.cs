using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Parsers.Logs;

/// <summary>
/// The lines of a wrapped log (CRI, Docker json-file, svlogd, journald) that its wrapper does not explain: blank lines,
/// and what a paste adds (prompts, command lines, cut marks) are skipped; anything else is reported where it is and still
/// read as a plain message, so a damaged wrapper costs its metadata, never the text.
/// </summary>
internal static class WrappedLines
{
    public static void Stray(int number, string line, string format, ParseInput input, ParseResult result, LogRecords records)
    {
        if (string.IsNullOrWhiteSpace(line) || PastedText.IsPasteMark(line)) return;
        result.Problem(input.At(number), $"not a {format} line (read as plain text): {Snippet.Of(line)}");
        records.Add(number, line);
    }
}
