using NetDoctor.Collectors.Live;

namespace NetDoctor.Collectors.Tests.Live;

/// <summary>Canned command results keyed by command line; executables not in <see cref="Installed"/> are missing.</summary>
public sealed class FakeCommandRunner : ICommandRunner
{
    private readonly Dictionary<string, CommandResult> _results = new(StringComparer.Ordinal);
    private readonly List<string> _ran = [];

    public HashSet<string> Installed { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Ran { get { lock (_ran) return _ran.ToList(); } }

    public FakeCommandRunner Output(string commandLine, string stdout)
    {
        _results[commandLine] = new CommandResult(CommandOutcome.Ok, 0, stdout, "", TimeSpan.FromMilliseconds(3), null);
        Installed.Add(commandLine.Split(' ')[0]);
        return this;
    }

    public FakeCommandRunner Fails(string commandLine, CommandOutcome outcome, string reason, int? exit = 1)
    {
        _results[commandLine] = new CommandResult(outcome, exit, "", reason, TimeSpan.FromMilliseconds(5), reason);
        Installed.Add(commandLine.Split(' ')[0]);
        return this;
    }

    public bool Exists(string executable) => Installed.Contains(executable);

    public Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken)
    {
        lock (_ran) _ran.Add(spec.CommandLine);
        if (!Installed.Contains(spec.Executable))
            return Task.FromResult(new CommandResult(CommandOutcome.MissingBinary, null, "", "", TimeSpan.Zero, $"missing binary: {spec.Executable} not found on PATH"));
        return Task.FromResult(_results.TryGetValue(spec.CommandLine, out var r)
            ? r
            : new CommandResult(CommandOutcome.NonZeroExit, 2, "", "unexpected command", TimeSpan.Zero, "non-zero exit: exit code 2: unexpected command"));
    }
}

/// <summary>A cluster collector that must not be called (for --no-cluster) or returns a fixed record.</summary>
public sealed class FakeClusterCollector(ClusterRecord? record = null) : IClusterCollector
{
    public int Calls { get; private set; }

    public Task<ClusterRecord> CollectAsync(Action<string, string> write, CollectOptions options, CancellationToken cancellationToken)
    {
        Calls++;
        write("cluster/kubernetes/nodes.yaml", "apiVersion: v1\nkind: List\nitems: []\n");
        return Task.FromResult(record ?? new ClusterRecord("collected", null, [new ClusterObjectRecord("cluster/kubernetes/nodes.yaml", 0, null)]));
    }
}
