namespace NetDoctor.Facts;

/// <summary>Something a parser or reader could not understand. Reported to the user, never thrown.</summary>
public sealed record Problem(Source Source, string Message)
{
    public override string ToString() => $"{Source}: {Message}";
}
