using System.Text;
using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Parsers.Logs;

/// <summary>
/// A message a runtime split over several lines of its log (CRI "P" lines, Docker json-file entries without a final
/// newline), joined back; its source is the line of its first part. Bounded: a writer that never ends its message must
/// not make one string of the whole file, and what is cut off is reported.
/// </summary>
internal sealed class PartialMessage(ParseInput input, ParseResult result)
{
    public const int MaxLength = 1024 * 1024;

    private StringBuilder? _text;
    private int _line;
    private bool _cut;

    public void Append(int line, string part)
    {
        if (_text is null)
        {
            _text = new StringBuilder();
            _line = line;
            _cut = false;
        }
        if (_text.Length + part.Length <= MaxLength)
        {
            _text.Append(part);
        }
        else if (!_cut)
        {
            _cut = true;
            result.Problem(input.At(_line), $"message joined from partial lines is longer than {MaxLength} characters; the rest of it was not read");
        }
    }

    /// <summary>Hands the joined message to the reader (with <paramref name="last"/> appended) and starts over.</summary>
    public void Complete(LogRecords records, int line, string last)
    {
        if (_text is null)
        {
            records.Add(line, last);
            return;
        }
        Append(line, last);
        records.Add(_line, _text.ToString());
        _text = null;
    }

    /// <summary>A file cut after a partial line still holds that much of the message.</summary>
    public void Finish(LogRecords records)
    {
        if (_text is null) return;
        records.Add(_line, _text.ToString());
        _text = null;
    }
}
