using NetDoctor.Facts;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// A place files come from: a directory, a (gzipped) tar archive or one loose file. Reading is two passes so
/// that an archive is streamed and never extracted: <see cref="List"/> learns the names (and captures a few small
/// probe files such as "hostname"), the layout is decided, then <see cref="Read"/> streams the wanted files.
/// </summary>
internal interface IBundleSource
{
    /// <summary>Name to use for a node when the layout names nodes by folder and nothing better is known.</summary>
    string? FolderName { get; }

    IReadOnlyList<BundleEntry> List(List<Problem> problems);

    /// <summary>Content of a small probe file captured while listing (null when absent or too large).</summary>
    byte[]? Probe(string path);

    /// <summary>Streams the files for which <paramref name="wanted"/> is true, in source order.</summary>
    void Read(Func<BundleEntry, bool> wanted, Action<BundleEntry, ReadOutcome> onFile, List<Problem> problems);
}
