namespace NetDoctor.Lab.Tests.Cli;

/// <summary>Drives `netdoctor` the way an operator does: the repository's ./netdoctor launcher builds it once (on the host);
/// inside a node's namespace the built program is then run directly, so nothing is ever built from inside a lab namespace.</summary>
public static class NetDoctorCli
{
    private static readonly SemaphoreSlim BuildGate = new(1, 1);
    private static bool _built;

    public static string RepoRoot { get; } = FindRepoRoot();
    public static string Launcher => Path.Combine(RepoRoot, "netdoctor");
    public static string BuiltProgram => Path.Combine(RepoRoot, "artifacts", "cli", "netdoctor.dll");

    /// <summary>Builds through the launcher (no-op when up to date); throws with the build log when the CLI does not build.</summary>
    public static async Task EnsureBuiltAsync()
    {
        await BuildGate.WaitAsync();
        try
        {
            if (_built) return;
            var result = await Shell.RunAsync(Launcher, ["--version"], TimeSpan.FromMinutes(8));
            if (!result.Succeeded || !File.Exists(BuiltProgram)) throw new LabCommandException(result);
            _built = true;
        }
        finally { BuildGate.Release(); }
    }

    public static async Task<CommandResult> RunAsync(params string[] args)
    {
        await EnsureBuiltAsync();
        return await Shell.RunAsync("dotnet", new[] { BuiltProgram }.Concat(args), TimeSpan.FromMinutes(2), workingDirectory: RepoRoot);
    }

    /// <summary>`netdoctor collect --output DIR --no-cluster --node-name NODE` executed inside the node's namespace.
    /// calico-node's BIRD answers on /var/run/calico/bird.ctl; each lab node's BIRD has its own socket, so the collector runs in a
    /// private mount namespace (unshare -m: nothing propagates to the host) where a fresh tmpfs over /run holds calico/bird.ctl,
    /// a link to this node's socket; the host's /run is neither seen nor touched.</summary>
    public static async Task<CommandResult> CollectInsideAsync(LabHost node, string output, string? birdSocket)
    {
        await EnsureBuiltAsync();
        var collect = $"exec dotnet '{BuiltProgram}' collect --output '{output}' --no-cluster --node-name '{node.Role}'";
        var script = birdSocket is null
            ? collect
            : $"mount -t tmpfs ndlab /run && mkdir /run/calico && ln -s '{birdSocket}' /run/calico/bird.ctl && {collect}";
        return await node.RunAsync(["unshare", "-m", "--propagation", "private", "sh", "-c", script], TimeSpan.FromMinutes(2));
    }

    /// <summary>`netdoctor run --bundle DIR... --format json`; exit 0 or 1 are both answers (1 = diagnoses at/above --fail-on).</summary>
    public static async Task<(CommandResult Result, IReadOnlyList<Diagnosis> Diagnoses)> DiagnoseAsync(IEnumerable<string> bundles)
    {
        var args = new List<string> { "run" };
        foreach (var bundle in bundles) args.AddRange(["--bundle", bundle]);
        args.AddRange(["--format", "json"]);
        var result = await RunAsync([.. args]);
        if (result.ExitCode is not (0 or 1)) throw new LabCommandException(result);
        return (result, Diagnosis.ParseReport(result.StdOut));
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Engine.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no Engine.sln above {AppContext.BaseDirectory}");
    }
}
