namespace NetDoctor.Cli.Pipeline;

/// <summary>
/// Where the files that ship with the program are — the built-in packs and the samples — wherever it runs from: the
/// launcher's build (artifacts/cli), a dotnet tool's store folder, a single-file publish folder; each beside the program.
/// NETDOCTOR_PACKS / NETDOCTOR_SAMPLES override them (tests, development).
/// </summary>
public static class Shipped
{
    public static string Packs => Environment.GetEnvironmentVariable("NETDOCTOR_PACKS") is { Length: > 0 } packs
        ? packs
        : Path.Combine(AppContext.BaseDirectory, "rulepacks");

    public static string Samples => Environment.GetEnvironmentVariable("NETDOCTOR_SAMPLES") is { Length: > 0 } samples
        ? samples
        : Path.Combine(AppContext.BaseDirectory, "samples");

    /// <summary>
    /// The repository checkout the program was built from, when it runs from inside one (artifacts/cli, bin/): found by
    /// walking up to Engine.sln with rulepacks/ beside it. Null for an installed tool.
    /// </summary>
    public static string? SourceTree { get; } = FindSourceTree();

    /// <summary>
    /// A path of a shipped file as a person should open it: a built-in pack file run from a checkout is shown in the
    /// repository (rulepacks/calico/rules/x.yaml), not as the build copy under artifacts/; relative to the working
    /// directory when under it.
    /// </summary>
    public static string Display(string path)
    {
        string full = Path.GetFullPath(path);
        string packs = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Packs));
        if (SourceTree is { } tree && full.StartsWith(packs + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            string inRepo = Path.Combine(tree, "rulepacks", full[(packs.Length + 1)..]);
            if (File.Exists(inRepo) || Directory.Exists(inRepo)) full = inRepo;
        }
        return Relative(full);
    }

    /// <summary>Relative to the working directory when under it (and that is not /), else absolute; '/' separated.</summary>
    public static string Relative(string path)
    {
        string full = Path.GetFullPath(path);
        string cwd = Directory.GetCurrentDirectory();
        string relative = Path.GetRelativePath(cwd, full);
        bool outside = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) || Path.GetPathRoot(cwd) == cwd;
        return (outside ? full : relative).Replace('\\', '/');
    }

    private static string? FindSourceTree()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Engine.sln")) && Directory.Exists(Path.Combine(dir.FullName, "rulepacks")))
                return dir.FullName;
        }

        return null;
    }
}
