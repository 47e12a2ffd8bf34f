using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Parsers.BirdConfig;

/// <summary>
/// Splits BIRD's configuration language into tokens: words, "strings", { } ( ) ; , and drops # and /* */ comments.
/// A string that does not end on its line, or a character BIRD has no use for, is a problem at its line (and skipped).
/// </summary>
public static class BirdLexer
{
    private const string Punctuation = "{};(),";

    public static List<BirdToken> Tokens(ParseInput input, string text, ParseResult result)
    {
        var tokens = new List<BirdToken>();
        bool inBlockComment = false;
        TextLines.ForEach(text, (number, line) =>
        {
            int i = 0;
            while (i < line.Length)
            {
                if (inBlockComment)
                {
                    int end = line[i..].IndexOf("*/");
                    if (end < 0) return;
                    i += end + 2;
                    inBlockComment = false;
                    continue;
                }
                char c = line[i];
                if (char.IsWhiteSpace(c)) { i++; continue; }
                if (c == '#') return;
                if (c == '/' && i + 1 < line.Length && line[i + 1] == '*') { inBlockComment = true; i += 2; continue; }
                if (c == '"')
                {
                    int close = line[(i + 1)..].IndexOf('"');
                    if (close < 0)
                    {
                        result.Problem(input.At(number), $"string not closed on its line: {Snippet.Of(line[i..])}");
                        return;
                    }
                    tokens.Add(new BirdToken(line.Slice(i + 1, close).ToString(), number, IsString: true));
                    i += close + 2;
                    continue;
                }
                if (Punctuation.Contains(c))
                {
                    tokens.Add(new BirdToken(c.ToString(), number));
                    i++;
                    continue;
                }
                int start = i;
                while (i < line.Length && !char.IsWhiteSpace(line[i]) && !Punctuation.Contains(line[i]) && line[i] != '"' && line[i] != '#') i++;
                var word = line[start..i];
                if (word.ContainsAnyExcept(WordChars))
                {
                    result.Problem(input.At(number), $"not BIRD configuration: {Snippet.Of(line)}");
                    return;
                }
                tokens.Add(new BirdToken(word.ToString(), number));
            }
        });
        return tokens;
    }

    /// <summary>What BIRD words and filter expressions are made of (names, addresses, prefixes, operators, [= =] sets).</summary>
    private static readonly System.Buffers.SearchValues<char> WordChars = System.Buffers.SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:/-+*=<>!~&|[]@$'?^");
}
