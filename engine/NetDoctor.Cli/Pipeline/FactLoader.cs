using NetDoctor.Cli.Commands;
using NetDoctor.Collectors.Bundles;

namespace NetDoctor.Cli.Pipeline;

/// <summary>
/// Reads the inputs a command was given — bundles and/or this machine — into one fact base.
/// "No input could be read at all" is a usage error (exit 2); a damaged file inside a readable bundle is only a problem.
/// </summary>
public sealed class FactLoader(LiveSnapshot live)
{
    /// <param name="demand">The facts the run's rules can use (others are dropped as files are parsed); null keeps all.</param>
    public async Task<FactBase> LoadAsync(IReadOnlyList<string> bundles, bool useLive, CancellationToken ct, IFactDemand? demand = null)
    {
        if (bundles.Count == 0 && !useLive)
            throw new UsageException("no input: give --bundle PATH (repeatable) or --live");

        var paths = new List<string>(bundles);
        string? liveDir = useLive ? await live.CollectAsync(ct) : null;
        if (liveDir is not null) paths.Add(liveDir);

        FactBase facts;
        try
        {
            facts = BundleReader.Read(paths, BundleReadOptions.Default with { Demand = demand });
        }
        catch (ReadingBudgetExceededException e)
        {
            // Too big for this machine: one line naming the input, its size and the limit (exit 2), not an OOM kill.
            throw new UsageException(e.Message);
        }
        finally
        {
            // The live snapshot is a means, not a product: `netdoctor collect` is the way to keep one.
            if (liveDir is not null) TryDelete(liveDir);
        }
        if (!facts.AnyInputRead)
            throw new UsageException("no input could be read: " + string.Join("; ", facts.Inputs.Select(i => i.Error ?? i.Path)));
        return facts;
    }

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
