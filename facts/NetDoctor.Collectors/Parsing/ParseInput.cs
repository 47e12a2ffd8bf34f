namespace NetDoctor.Collectors.Parsing;

/// <summary>
/// One file handed to a parser: its path relative to the bundle root ('/' separated, used in every
/// <see cref="NetDoctor.Facts.Source"/>), the node it belongs to (null for cluster-scoped files) and its text.
/// Readers decode bytes as UTF-8 with replacement characters, so a parser never sees a decoding exception.
/// </summary>
public sealed record ParseInput(string Path, string? Node, string Text)
{
    /// <summary>Sections already parsed in other files of the same read (content-addressed); null: parse everything here.</summary>
    public SharedSections? Sections { get; init; }

    /// <summary>Sections of the file left undecoded because other files hold them (their lines in <see cref="Text"/> are blank).</summary>
    public ElidedSections? Elided { get; init; }

    public NetDoctor.Facts.Source At(int line) => new(Path, line);
}
