namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// What happened to one file of an input: parsed as <see cref="Kind"/> (with how many facts and problems),
/// skipped with a reason, or not recognised (Kind and SkipReason both null).
/// </summary>
public sealed record LoadedFile(string Input, string Path, string? Node, string? Kind, int Facts, int Problems, string? SkipReason)
{
    public bool Parsed => Kind is not null;
}
