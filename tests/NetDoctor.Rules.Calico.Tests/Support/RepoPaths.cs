namespace NetDoctor.Rules.Calico.Tests.Support;

/// <summary>Finds the repository's folders from the test's output directory (the test reads packs and samples in place).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string RulePacks => Path.Combine(Root, "rulepacks");

    public static string Pack(string name) => Path.Combine(RulePacks, name);

    public static string Samples => Path.Combine(Root, "samples");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Engine.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Engine.sln not found above " + AppContext.BaseDirectory);
    }
}
