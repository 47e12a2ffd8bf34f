namespace NetDoctor.Packs.Model;

/// <summary>
/// A position in a pack file. <see cref="File"/> is the path as the user will recognise it (the pack folder as given,
/// joined with <see cref="RelativeFile"/>); <see cref="RelativeFile"/> is relative to the pack folder ('/' separated).
/// Line and column are 1-based; 0 means unknown.
/// </summary>
public readonly record struct SourceMark(string File, string RelativeFile, int Line, int Column)
{
    public static SourceMark None { get; } = new("", "", 0, 0);

    public SourceMark WithColumnOffset(int offset) => this with { Column = Column + offset };

    public override string ToString() =>
        Line <= 0 ? File : Column <= 0 ? $"{File}:{Line}" : $"{File}:{Line}:{Column}";
}
