using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsing;

/// <summary>
/// The last line of defence around a parser: parsers are written never to throw, but a bug must cost one
/// file, not the whole run. An escaped exception becomes a <see cref="Problem"/> naming the file, and whatever
/// the parser had not returned is lost (a parser that throws has returned nothing).
/// </summary>
public static class ParserRunner
{
    public static ParseResult Run(IFormatParser parser, ParseInput input)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            return parser.Parse(input);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var result = new ParseResult();
            result.Problem(input.At(LastLine(input.Text)),
                $"{parser.Kind} parser failed ({ex.GetType().Name}: {Shorten(ex.Message)}); the file was skipped");
            return result;
        }
    }

    /// <summary>The number of the last line (0 for empty text), so the problem points at the end of what was read.</summary>
    private static int LastLine(string text)
    {
        int last = 0;
        TextLines.ForEach(text, (n, _) => last = n);
        return last;
    }

    private static string Shorten(string message) => message.Length <= 200 ? message : message[..200] + "...";
}
