using NetDoctor.Collectors.Live;

namespace NetDoctor.Cli.Pipeline;

/// <summary>
/// `--live`: collects this machine into a temporary bundle (the same read-only commands and layout as `netdoctor collect`),
/// so live facts and bundle facts go through one reader and carry the same kind of file:line sources.
/// </summary>
public sealed class LiveSnapshot(LiveCollector collector, CliConsoleErrors errors)
{
    public async Task<string> CollectAsync(CancellationToken ct)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"netdoctor-live-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var result = await collector.CollectAsync(new CollectOptions { OutputPath = dir }, ct);
        foreach (var failure in result.Failures)
            errors.Warn($"live: {failure.Command}: {failure.Reason}");
        return dir;
    }
}
