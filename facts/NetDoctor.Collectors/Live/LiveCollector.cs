using System.Reflection;

namespace NetDoctor.Collectors.Live;

/// <summary>
/// Collects a bundle from the machine it runs on, read-only: runs <see cref="Commands"/> (independent ones in parallel,
/// each with a timeout), copies kube-proxy's configuration and networking pods' logs, fetches cluster objects when a
/// cluster is reachable, redacts secrets, and writes NetDoctor's layout (CONTRACTS.md §3) with a manifest.yaml saying
/// what was collected, what failed and why. The manifest is written first (incomplete) and replaced last; cancelling
/// the token (Ctrl-C) kills running commands, skips what has not started and still writes the final manifest, marked
/// interrupted.
/// </summary>
/// <example><code>
/// var result = await new LiveCollector().CollectAsync(new CollectOptions { OutputPath = "node.tar.gz", NoCluster = true }, ct);
/// </code></example>
public sealed class LiveCollector(ICommandRunner? runner = null, IClusterCollector? cluster = null, Func<string, bool>? pathExists = null)
{
    private readonly ICommandRunner _runner = runner ?? new ProcessCommandRunner();
    private readonly IClusterCollector _cluster = cluster ?? new KubernetesClusterCollector();
    private readonly Func<string, bool> _pathExists = pathExists ?? Path.Exists;

    /// <summary>Every command the collector may run (for the README and `--help`).</summary>
    public static IReadOnlyList<LiveCommand> Commands => LiveCommands.All;

    public static string ToolVersion =>
        typeof(LiveCollector).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0";

    public async Task<CollectResult> CollectAsync(CollectOptions options, CancellationToken cancellationToken = default)
    {
        var time = DateTimeOffset.UtcNow;
        var hostnameResult = await _runner.RunAsync(new CommandSpec("hostname", [], options.CommandTimeout), cancellationToken).ConfigureAwait(false);
        string host = hostnameResult.Succeeded && hostnameResult.Stdout.Trim() is { Length: > 0 } h ? h : Environment.MachineName;
        string node = SafeName(options.NodeName ?? host);
        var records = new List<CommandRecord> { Record(LiveCommands.Hostname, null, hostnameResult, cancellationToken) };

        using var bundle = BundleWriter.Create(options.OutputPath, $"netdoctor-{node}-{time.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");
        // First file in, last file out: until the final manifest replaces this one, the bundle says it is incomplete.
        bundle.Write(ManifestWriter.FileName, ManifestWriter.RenderStarted(time, host, node, ToolVersion));
        var writer = new RedactingWriter(bundle);

        var plan = LiveCommands.Plan(_runner, _pathExists);
        var results = new CommandRecord[plan.Count];
        string? processes = null;
        using (var gate = new SemaphoreSlim(Math.Max(1, options.MaxParallelism)))
        {
            await Task.WhenAll(plan.Select(async (planned, index) =>
            {
                var command = planned.Command;
                string? file = command.File is null ? null : $"{node}/{command.File}";
                if (planned.SkipReason is not null)
                {
                    results[index] = Skipped(command, planned.SkipReason);
                    return;
                }
                if (command.Datastore) return; // after the cluster objects: see ReadCalicoDatastore
                try
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    results[index] = Skipped(command, NotStarted);
                    return;
                }
                try
                {
                    var result = await _runner.RunAsync(new CommandSpec(command.Executable, command.Arguments, options.CommandTimeout), cancellationToken).ConfigureAwait(false);
                    if (command.Id == "processes" && result.Succeeded) processes = result.Stdout;
                    bool written = false;
                    if (file is not null && result.Succeeded)
                    {
                        writer.Write(file, planned.Filter is null ? result.Stdout : planned.Filter(result.Stdout));
                        written = true;
                    }
                    results[index] = Record(command, written ? file : null, result, cancellationToken);
                }
                finally
                {
                    gate.Release();
                }
            })).ConfigureAwait(false);
        }
        var copied = new List<CopiedFileRecord>();
        if (processes is not null && !cancellationToken.IsCancellationRequested)
            await HostFiles.CopyKubeProxyConfig(processes, node, options, writer, copied, cancellationToken).ConfigureAwait(false);
        if (options.CollectContainerLogs && !cancellationToken.IsCancellationRequested)
            await HostFiles.CopyPodLogs(node, options, writer, copied, cancellationToken).ConfigureAwait(false);

        var clusterRecord = options.NoCluster ? ClusterRecord.Skipped("--no-cluster")
            : cancellationToken.IsCancellationRequested ? ClusterRecord.Skipped(NotStarted)
            : await CollectCluster(writer, options, cancellationToken).ConfigureAwait(false);
        await ReadCalicoDatastore(plan, results, clusterRecord, writer, options, cancellationToken).ConfigureAwait(false);
        records.AddRange(results);

        var result = new CollectResult(options.OutputPath, node, host, time, records, copied, clusterRecord,
            new Dictionary<string, int>(writer.Redactions), writer.Files.Order(StringComparer.Ordinal).ToList())
        {
            Status = cancellationToken.IsCancellationRequested ? ManifestWriter.Interrupted : ManifestWriter.Complete,
        };
        writer.Write(ManifestWriter.FileName, ManifestWriter.Render(result, ToolVersion, (_runner as ProcessCommandRunner)?.Prefix ?? []));
        return result with { Files = [.. result.Files, ManifestWriter.FileName] };
    }

    /// <summary>Why a step did not run after Ctrl-C.</summary>
    private const string NotStarted = "collection interrupted before it started";

    private async Task<ClusterRecord> CollectCluster(RedactingWriter writer, CollectOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await _cluster.CollectAsync(writer.Write, options, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new ClusterRecord("failed", "collection interrupted while cluster objects were read", []);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ClusterRecord("failed", ex.Message, []);
        }
    }

    /// <summary>
    /// Calico keeps its resources either as Kubernetes CRDs (read with the cluster objects) or in its own etcd, which only
    /// calicoctl reads. The calicoctl commands run when the API gave no IP pool, so the same resources are never read twice.
    /// </summary>
    private async Task ReadCalicoDatastore(IReadOnlyList<PlannedCommand> plan, CommandRecord[] results, ClusterRecord cluster,
        RedactingWriter writer, CollectOptions options, CancellationToken cancellationToken)
    {
        bool fromApi = cluster.Objects.Any(o => o.File.StartsWith("cluster/crd/ippools.", StringComparison.Ordinal) && o.Error is null && o.Count > 0);
        for (int i = 0; i < plan.Count; i++)
        {
            var command = plan[i].Command;
            if (results[i] is not null || !command.Datastore) continue;
            string? skip = options.NoCluster ? "--no-cluster"
                : fromApi ? "Calico resources were read from the Kubernetes API (cluster/crd/)"
                : cancellationToken.IsCancellationRequested ? NotStarted
                : null;
            if (skip is not null)
            {
                results[i] = new CommandRecord(command.Id, command.CommandLine, null, "skipped", null, 0, skip);
                continue;
            }
            var result = await _runner.RunAsync(new CommandSpec(command.Executable, command.Arguments, options.CommandTimeout), cancellationToken).ConfigureAwait(false);
            if (result.Succeeded) writer.Write(command.File!, result.Stdout);
            results[i] = Record(command, result.Succeeded ? command.File : null, result, cancellationToken);
        }
    }

    /// <summary>A command cut short by Ctrl-C failed because of the interruption, whatever it printed: say so.</summary>
    private static CommandRecord Record(LiveCommand command, string? file, CommandResult result, CancellationToken cancellationToken) =>
        !result.Succeeded && cancellationToken.IsCancellationRequested
            ? new(command.Id, command.CommandLine, file, "failed", result.ExitCode, (long)result.Duration.TotalMilliseconds, "interrupted: stopped by Ctrl-C before it finished")
            : new(command.Id, command.CommandLine, file, result.Succeeded ? "ok" : "failed", result.ExitCode, (long)result.Duration.TotalMilliseconds, result.Reason);

    private static CommandRecord Skipped(LiveCommand command, string reason) => new(command.Id, command.CommandLine, null, "skipped", null, 0, reason);

    /// <summary>A node name usable as a folder name.</summary>
    private static string SafeName(string name)
    {
        var chars = name.Trim().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_').ToArray();
        string safe = new(chars);
        return safe.Length == 0 || safe.Trim('.').Length == 0 ? "node" : safe;
    }
}
