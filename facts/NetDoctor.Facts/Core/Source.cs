namespace NetDoctor.Facts;

/// <summary>
/// Where a fact came from: a file (path relative to the bundle root, '/' separated) and a 1-based line.
/// Line 0 means "the whole file" (for facts that summarise a file rather than one line of it).
/// </summary>
public readonly record struct Source(string File, int Line)
{
    public static Source Unknown { get; } = new("<unknown>", 0);

    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}
