namespace NetDoctor.Collectors.Parsers.BirdConfig;

/// <summary>One word, string, brace or ";" of a BIRD configuration, with its line.</summary>
public readonly record struct BirdToken(string Text, int Line, bool IsString = false)
{
    public bool Is(string text) => !IsString && Text == text;
}
