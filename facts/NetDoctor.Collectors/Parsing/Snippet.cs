namespace NetDoctor.Collectors.Parsing;

/// <summary>Short quotes of input for problem messages: a 10 MB garbage line must not become a 10 MB message.</summary>
public static class Snippet
{
    public const int MaxLength = 80;

    public static string Of(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.Length <= MaxLength) return text.ToString();
        return string.Concat(text[..MaxLength], "...");
    }
}
