namespace NetDoctor.Benchmarks.Scale;

/// <summary>How big a written bundle is on disk: files and bytes.</summary>
internal sealed record BundleSize(int Files, long Bytes)
{
    public static BundleSize Of(string directory)
    {
        var files = new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
        return new BundleSize(files.Count, files.Sum(f => f.Length));
    }
}
