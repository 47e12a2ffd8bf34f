using NetDoctor.Collectors.Sniffing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// Reads bundles — directories, .tar.gz/.tgz/.tar archives or single loose files — into one <see cref="FactBase"/>.
/// The layout of each input is detected (NetDoctor's, `calicoctl cluster diags`, `calicoctl node diags`, one folder
/// per node, loose files); every file's kind is sniffed; a damaged file costs that file only, reported as a problem.
/// </summary>
/// <example><code>
/// FactBase facts = BundleReader.Read(["bundle.tar.gz", "k8s02-outputs/"]);
/// </code></example>
public sealed class BundleReader(BundleReadOptions? options = null, FileParser? parser = null)
{
    private readonly BundleReadOptions _options = options ?? BundleReadOptions.Default;
    private readonly FileParser _parser = parser ?? new FileParser();

    /// <summary>Reads every input with the default parsers and limits.</summary>
    public static FactBase Read(IEnumerable<string> paths, BundleReadOptions? options = null) =>
        new BundleReader(options).ReadAll(paths);

    public FactBase ReadAll(IEnumerable<string> paths)
    {
        var facts = new List<Fact>();
        var problems = new List<Problem>();
        var inputs = new List<InputSummary>();
        var files = new List<LoadedFile>();
        foreach (var path in paths)
            inputs.Add(ReadInput(path, facts, problems, files));
        return new FactBase(PostProcessing.Apply(facts, problems), problems, inputs, files);
    }

    private InputSummary ReadInput(string inputPath, List<Fact> facts, List<Problem> problems, List<LoadedFile> files)
    {
        IBundleSource? source = Open(inputPath, out string? error);
        if (source is null)
        {
            problems.Add(new Problem(new Source(inputPath, 0), error!));
            return new InputSummary(inputPath, [], 0) { Error = error, NodeOrigin = "unknown" };
        }

        var sourceProblems = new List<Problem>();
        var entries = source.List(sourceProblems);
        var layout = LayoutDetector.Detect(entries, source);
        if (layout.Name == "netdoctor") problems.AddRange(ManifestReader.CollectionFailures(source.Probe(layout.Root + "manifest.yaml")));
        var nodes = new SortedSet<string>(StringComparer.Ordinal);
        int parsed = 0, skipped = 0, unrecognised = 0;
        var plan = new Dictionary<string, FileAssignment>(StringComparer.Ordinal);

        void Skip(string path, string reason)
        {
            skipped++;
            files.Add(new LoadedFile(inputPath, path, null, null, 0, 0, reason));
        }

        foreach (var entry in entries)
        {
            if (entry.Type == BundleEntryType.Directory) continue;
            string rel = Relative(layout, entry.Path);
            if (entry.Type == BundleEntryType.Link) { Skip(rel, "symbolic or hard link (not followed)"); continue; }
            if (entry.Type == BundleEntryType.Other) { Skip(rel, "not a regular file"); continue; }
            if (BundlePaths.IsHidden(rel)) { Skip(rel, "hidden file"); continue; }
            var assignment = layout.Assign(rel);
            if (assignment.SkipReason is { } reason) { Skip(rel, reason); continue; }
            plan[entry.Path] = assignment;
        }

        // Files are parsed in parallel as the source hands them over (a .tar.gz is read as one stream), and the results
        // are merged in the order the source listed them, so the fact base is the same on 1 core or 16.
        var pending = new List<(string Rel, FileAssignment Assignment, string? ReadError, Task<FileParseOutcome>? Parse)>();
        source.Read(e => plan.ContainsKey(e.Path), (entry, outcome) =>
        {
            string rel = Relative(layout, entry.Path);
            var assignment = plan[entry.Path];
            var bytes = outcome.Bytes;
            pending.Add(bytes is null
                ? (rel, assignment, outcome.Error ?? "cannot read", null)
                : (rel, assignment, null, Task.Run(() => _parser.Parse(rel, assignment.Node, bytes, assignment.SniffAlias))));
        }, sourceProblems);

        foreach (var (rel, assignment, readError, parse) in pending)
        {
            if (parse is null)
            {
                problems.Add(new Problem(new Source(rel, 0), readError!));
                files.Add(new LoadedFile(inputPath, rel, assignment.Node, null, 0, 1, null));
                unrecognised++;
                continue;
            }
            var result = parse.GetAwaiter().GetResult();
            if (result.SkipReason is { } why) { Skip(rel, why); continue; }
            facts.AddRange(result.Facts);
            problems.AddRange(result.Problems);
            files.Add(new LoadedFile(inputPath, rel, result.Node, result.Kind, result.Facts.Count, result.Problems.Count, null));
            if (result.Kind is null) { unrecognised++; continue; }
            parsed++;
            if (result.Node is not null) nodes.Add(result.Node);
        }

        problems.AddRange(sourceProblems);
        return new InputSummary(inputPath, nodes.ToList(), parsed)
        {
            Layout = layout.Name,
            NodeOrigin = layout.NodeOrigin,
            Skipped = skipped,
            Unrecognised = unrecognised,
        };
    }

    private static string Relative(BundleLayout layout, string path) =>
        layout.Root.Length > 0 && path.StartsWith(layout.Root, StringComparison.Ordinal) ? path[layout.Root.Length..] : path;

    private IBundleSource? Open(string path, out string? error)
    {
        error = null;
        if (Directory.Exists(path)) return new DirectorySource(path, _options);
        if (!File.Exists(path)) { error = $"input not found: {path}"; return null; }
        try
        {
            using (File.OpenRead(path)) { }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read input {path}: {ex.Message}";
            return null;
        }
        if (TarSource.LooksLikeArchive(path)) return new TarSource(path, _options);
        if (new FileInfo(path).Length > _options.MaxFileBytes)
        {
            error = $"input {path} is larger than the {BoundedRead.Bytes(_options.MaxFileBytes)} limit";
            return null;
        }
        return new SingleFileSource(path, _options);
    }
}
