namespace NetDoctor.Collectors.Bundles;

internal enum BundleEntryType
{
    File,
    Directory,
    Link,
    Other,
}

/// <summary>One entry of a bundle as listed, before the layout decides what it is. Path is '/' separated, relative, validated.</summary>
internal sealed record BundleEntry(string Path, BundleEntryType Type, long Size)
{
    public string Name => BundlePaths.BaseName(Path);

    /// <summary>Where a link points, as the archive or file system says (never followed; quoted in the problem).</summary>
    public string? LinkTarget { get; init; }

    /// <summary>What an <see cref="BundleEntryType.Other"/> entry is ("CharacterDevice", "Fifo"...), for the problem.</summary>
    public string? Special { get; init; }
}

/// <summary>What reading one file gave: its bytes, or why they could not be read.</summary>
internal readonly record struct ReadOutcome(byte[]? Bytes, string? Error);
