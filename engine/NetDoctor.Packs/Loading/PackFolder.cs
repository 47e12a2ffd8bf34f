namespace NetDoctor.Packs.Loading;

/// <summary>
/// The files of a pack folder: <c>pack.yaml</c>, every <c>rules/**/*.yaml</c> and the top-level <c>tests/*.yaml</c>
/// (deeper folders under tests/ are fixture bundles, whose YAML is data, not pack documents).
/// </summary>
public sealed record PackFolder(string Directory, string DisplayDirectory, string ManifestPath, IReadOnlyList<string> RuleFiles, IReadOnlyList<string> TestFiles)
{
    public const string ManifestName = "pack.yaml";

    public static bool LooksLikePack(string directory) => File.Exists(Path.Combine(directory, ManifestName));

    public static PackFolder Open(string directory)
    {
        string full = Path.GetFullPath(directory);
        return new PackFolder(
            full,
            directory.TrimEnd('/', '\\'),
            Path.Combine(full, ManifestName),
            YamlFiles(Path.Combine(full, "rules"), SearchOption.AllDirectories),
            YamlFiles(Path.Combine(full, "tests"), SearchOption.TopDirectoryOnly));
    }

    /// <summary>Pack folders at or directly under <paramref name="root"/> (so `rulepacks/` and `rulepacks/calico` both work).</summary>
    public static IReadOnlyList<string> Discover(string root)
    {
        if (LooksLikePack(root)) return [root];
        if (!System.IO.Directory.Exists(root)) return [];
        return System.IO.Directory.GetDirectories(root)
            .Where(LooksLikePack)
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToList();
    }

    public PackFile Read(string fullPath)
    {
        string relative = Path.GetRelativePath(Directory, fullPath).Replace('\\', '/');
        string display = DisplayDirectory.Length == 0 ? relative : DisplayDirectory + "/" + relative;
        return new PackFile(display, relative, File.ReadAllText(fullPath));
    }

    private static IReadOnlyList<string> YamlFiles(string dir, SearchOption option) =>
        System.IO.Directory.Exists(dir)
            ? System.IO.Directory.EnumerateFiles(dir, "*.*", option)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList()
            : [];
}
