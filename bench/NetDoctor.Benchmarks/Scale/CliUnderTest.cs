namespace NetDoctor.Benchmarks.Scale;

/// <summary>
/// The netdoctor the scale benchmark runs: the launcher's build (artifacts/cli/netdoctor.dll of this checkout, built by
/// `./netdoctor` when sources changed), started with `dotnet` directly so the launcher's staleness check is not timed.
/// </summary>
internal static class CliUnderTest
{
    public static string Locate()
    {
        var root = RepoRoot();
        var launcher = Path.Combine(root, "netdoctor");
        // Builds when stale; its own time is not measured.
        using (var build = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(launcher, "--help") { RedirectStandardOutput = true }))
        {
            build!.StandardOutput.ReadToEnd();
            build.WaitForExit();
            if (build.ExitCode != 0) throw new InvalidOperationException($"{launcher} --help exited {build.ExitCode}");
        }
        return Path.Combine(root, "artifacts", "cli", "netdoctor.dll");
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Engine.sln"))) return dir.FullName;
        throw new InvalidOperationException("Engine.sln not found above " + AppContext.BaseDirectory);
    }
}
