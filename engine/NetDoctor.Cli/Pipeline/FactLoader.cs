using NetDoctor.Cli.Commands;
using NetDoctor.Collectors.Bundles;

namespace NetDoctor.Cli.Pipeline;

/// <summary>
/// Reads the inputs a command was given — bundles and/or this machine — into one fact base.
/// "No input could be read at all" is a usage error (exit 2): nothing there, nothing recognised, an empty folder.
/// A damaged file inside a readable bundle is only a problem.
/// </summary>
public sealed class FactLoader(LiveSnapshot live, CliConsoleErrors errors)
{
    /// <param name="demand">The facts the run's rules can use (others are dropped as files are parsed); null keeps all.</param>
    /// <param name="limits">The reading budgets the user set (--max-facts, --max-read-bytes); null keeps the defaults.</param>
    public async Task<FactBase> LoadAsync(IReadOnlyList<string> bundles, bool useLive, CancellationToken ct, NetDoctor.Facts.IFactDemand? demand = null, ReadLimits? limits = null) =>
        Report(await ReadAsync(bundles, useLive, ct, demand, limits));

    /// <summary>The inputs read, before anything is said about them (<see cref="Report"/>).</summary>
    public sealed record Read(FactBase Facts, IReadOnlyList<(string Folder, IReadOnlyList<string> Bundles)> Folders);

    /// <summary>
    /// Reads the inputs without writing anything to the console, so `run` can read on a worker while it loads packs and
    /// still report in its usual order (pack and waiver errors first); every failure is an exception, raised when awaited.
    /// </summary>
    public async Task<Read> ReadAsync(IReadOnlyList<string> bundles, bool useLive, CancellationToken ct, NetDoctor.Facts.IFactDemand? demand = null, ReadLimits? limits = null)
    {
        if (bundles.Count == 0 && !useLive)
            throw new UsageException("no input: give --bundle PATH (repeatable) or --live");

        var paths = new List<string>();
        var folders = new List<(string Folder, IReadOnlyList<string> Bundles)>();
        foreach (string path in bundles)
        {
            if (FolderOfBundles.Expand(path) is { } children)
            {
                folders.Add((path, children));
                paths.AddRange(children);
            }
            else
            {
                paths.Add(path);
            }
        }
        string? liveDir = useLive ? await live.CollectAsync(ct) : null;
        if (liveDir is not null) paths.Add(liveDir);

        FactBase facts;
        try
        {
            facts = BundleReader.Read(paths, (limits ?? ReadLimits.Defaults).Apply(BundleReadOptions.Default) with { Demand = demand });
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
        return new Read(facts, folders);
    }

    /// <summary>
    /// What the read means for the run: a folder of bundles that shares nodes is refused, a folder is noted, an input
    /// that gave nothing is warned about, and nothing read at all is a usage error.
    /// </summary>
    public FactBase Report(Read read)
    {
        var (facts, folders) = read;
        foreach (var (folder, children) in folders)
        {
            FolderOfBundles.RefuseSharedNodes(folder, children, facts);
            errors.Note($"{folder} is a folder of {children.Count} bundles, not a bundle: read each as its own input ({string.Join(", ", children.Select(Path.GetFileName))})");
        }

        var unread = facts.Inputs.Where(i => i.Error is not null || i.Files == 0).ToList();
        string Why(NetDoctor.Facts.InputSummary input) => WhyNothing(input, facts.Cuts);
        if (unread.Count == facts.Inputs.Count)
            throw new UsageException("no input could be read: " + string.Join("; ", unread.Select(Why)));
        foreach (var input in unread) errors.Warn(Why(input));
        return facts;
    }

    /// <summary>
    /// Why an input gave nothing: it could not be opened, it was empty, a reading budget cut every file it had, or
    /// nothing in it is a format NetDoctor reads.
    /// </summary>
    private static string WhyNothing(NetDoctor.Facts.InputSummary input, IReadOnlyList<ReadCut> cuts)
    {
        var mine = cuts.Where(c => c.Input == input.Path).ToList();
        if (input.Error is null && mine.Count > 0 && input.Unrecognised == 0)
        {
            string limits = string.Join(" and ", mine.Select(c => c.Limit).Distinct().Order().Select(l =>
                $"{ReadingCut.Option(l)} {(l == ReadLimit.Facts ? mine.First(c => c.Limit == l).Budget.ToString(System.Globalization.CultureInfo.InvariantCulture) : ByteSize.Format(mine.First(c => c.Limit == l).Budget))}"));
            return $"{input.Path}: every file that could be read was cut by the reading budget ({limits}; {mine.Count} file{(mine.Count == 1 ? "" : "s")}): raise it";
        }
        return Why(input);
    }

    /// <summary>Why an input gave nothing: it could not be opened, it was empty, or nothing in it is a format NetDoctor reads.</summary>
    private static string Why(NetDoctor.Facts.InputSummary input) =>
        input.Error
        ?? (input.Unrecognised + input.Skipped == 0
            ? $"{input.Path}: no files in it"
            : $"{input.Path}: nothing in it is a format NetDoctor reads ({input.Unrecognised} file{(input.Unrecognised == 1 ? "" : "s")} not recognised, {input.Skipped} skipped); see 'netdoctor facts --bundle {input.Path} --format json'");

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
