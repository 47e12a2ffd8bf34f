using NetDoctor.Collectors.Parsing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// Reads bundles — directories, .tar.gz/.tgz/.tar/.zip archives or single loose files — into one <see cref="FactBase"/>.
/// The layout of each input is detected (NetDoctor's, `calicoctl cluster diags`, `calicoctl node diags`, one folder
/// per node, loose files); every file's kind is sniffed; a damaged file costs that file only, reported as a problem.
/// An archive found inside a folder or an archive (one level deep) is read as an input of its own, right after the
/// input that holds it: a `calicoctl node diags` tarball beside pasted files becomes the node its hostname file names.
/// </summary>
/// <example><code>
/// FactBase facts = BundleReader.Read(["bundle.tar.gz", "k8s02-outputs/"]);
/// </code></example>
public sealed class BundleReader(BundleReadOptions? options = null, FileParser? parser = null)
{
    /// <summary>Archives inside archives inside the input are not opened: one level covers what people attach.</summary>
    private const int MaxArchiveDepth = 1;

    /// <summary>Bytes of files read and waiting for their parse before the reader stops to merge the oldest (see ReadSource).</summary>
    private const long MaxBytesAhead = 128L * 1024 * 1024;

    private readonly BundleReadOptions _options = options ?? BundleReadOptions.Default;
    private readonly FileParser _parser = parser ?? new FileParser();
    private readonly ReadingBudget _budget = options?.Budget ?? ReadingBudget.Default();
    private readonly SharedParses _shared = new();
    private readonly HashSet<Task<DemandedOutcome>> _refused = [];
    private readonly SharedSections _sections = new(Keeper(options?.Demand));
    private readonly FactCompactor _compactor = new();
    private long _bytesRead;

    /// <summary>
    /// The read-ahead bound for this process: <see cref="MaxBytesAhead"/>, or a 16th of the heap budget when that is
    /// less. Each file waiting holds its bytes and, while parsed, about twelve times as much in facts: under a 96 MiB heap
    /// limit 128 MB of files in flight would exhaust memory before the heap check at the next merge could say so.
    /// </summary>
    private long BytesAhead => Math.Min(MaxBytesAhead, Math.Max(1L << 20, _budget.LimitBytes / 16));

    /// <summary>Reads every input with the default parsers and limits.</summary>
    public static FactBase Read(IEnumerable<string> paths, BundleReadOptions? options = null) =>
        new BundleReader(options).ReadAll(paths);

    public FactBase ReadAll(IEnumerable<string> paths)
    {
        var state = new ReadState(new ReadBudget(_options));
        var identity = new InputIdentity();
        foreach (var path in paths)
        {
            if (identity.Repeat(path) is { } first)
                state.Problems.Add(new Problem(new Source(path, 0), $"input given more than once (the same as {first}); read once"));
            else ReadInput(path, state);
        }
        return new FactBase(PostProcessing.Apply(state.Facts, state.Problems), state.Problems, state.Inputs, state.Files) { Cuts = state.Cuts };
    }

    private void ReadInput(string inputPath, ReadState state)
    {
        IBundleSource? source = Open(inputPath, out string? error);
        if (source is null)
        {
            state.Problems.Add(new Problem(new Source(inputPath, 0), error!));
            state.Inputs.Add(new InputSummary(inputPath, [], 0) { Error = error, NodeOrigin = "unknown" });
            return;
        }
        try
        {
            ReadSource(new Input(inputPath, source, "", null, 0), state);
        }
        catch (OutOfMemoryException)
        {
            // The heap check runs between files; an allocation inside one can still fail first (parses run in
            // parallel). Let go of what was read, then say what, how big and which limit, as the check would have.
            int kept = state.Facts.Count;
            state.Facts.Clear();
            state.Facts.TrimExcess();
            throw new ReadingBudgetExceededException(_budget.OutOfMemory(inputPath, _bytesRead, kept));
        }
    }

    /// <param name="input">What to read and where it sits: <see cref="Input.Prefix"/> is put before every path of its
    /// files, so a file of an archive found in a folder is named "diags-20201227_135403.tar.gz/ipv4_route".</param>
    private void ReadSource(Input input, ReadState state)
    {
        var (inputPath, source, prefix) = (input.Path, input.Source, input.Prefix);
        var problems = state.Problems;
        var files = state.Files;
        var sourceProblems = new List<Problem>();
        var entries = source.List(sourceProblems);
        // An archive is an input of its own: it must not make its folder look like another layout.
        var layout = LayoutDetector.Detect(entries.Where(e => !IsArchiveByName(e)).ToList(), source);
        if (layout.Name == "netdoctor") problems.AddRange(ManifestReader.CollectionFailures(source.Probe(layout.Root + "manifest.yaml")));
        var nodes = new SortedSet<string>(StringComparer.Ordinal);
        int parsed = 0, skipped = 0, unrecognised = 0;
        var plan = new Dictionary<string, FileAssignment>(StringComparer.Ordinal);
        var nested = new ReadState(state.Budget);

        void Skip(string path, string reason)
        {
            skipped++;
            files.Add(new LoadedFile(inputPath, prefix + path, null, null, 0, 0, reason));
        }

        void Unopened(string rel, string why)
        {
            Skip(rel, why);
            problems.Add(new Problem(new Source(prefix + rel, 0), why));
        }

        foreach (var entry in entries)
        {
            if (entry.Type == BundleEntryType.Directory) continue;
            string rel = Relative(layout, entry.Path);
            if (entry.Type is BundleEntryType.Link or BundleEntryType.Other)
            {
                // A link the layout expects (calicoctl's links/ to pod logs) is a known duplicate; any other is reported.
                if (layout.Assign(rel).SkipReason is { } known) Skip(rel, known);
                else Unopened(rel, NotFollowed(entry));
                continue;
            }
            if (BundlePaths.IsHidden(rel)) { Skip(rel, "hidden file"); continue; }
            if (IsArchiveByName(entry) && input.Depth >= MaxArchiveDepth)
            {
                Unopened(rel, $"archive inside an archive inside {BundlePaths.BaseName(inputPath)}: archives are opened one level deep, so it was not read");
                continue;
            }
            var assignment = layout.Assign(rel);
            if (assignment.SkipReason is { } reason) { Skip(rel, reason); continue; }
            plan[entry.Path] = assignment;
        }

        // Files are parsed in parallel as the source hands them over (a .tar.gz is read as one stream), and the results
        // are merged in the order the source listed them, so the fact base is the same on 1 core or 16.
        var pending = new List<Waiting>();
        int merged = 0;
        long bytesAhead = 0;
        source.Read(e => plan.ContainsKey(e.Path), (entry, outcome) =>
        {
            string rel = Relative(layout, entry.Path);
            var assignment = plan[entry.Path];
            var bytes = outcome.Bytes;
            // Files are read ahead of their parses: what is held while they wait counts too.
            _bytesRead += bytes?.Length ?? 0;
            _budget.Check(inputPath, _bytesRead, pending.Count, state.Facts.Count);
            if (bytes is not null && ArchiveSources.ForEntry(entry, bytes, prefix + rel, assignment.Node, _options) is { } inner)
            {
                if (input.Depth >= MaxArchiveDepth)
                {
                    Unopened(rel, $"archive inside an archive inside {BundlePaths.BaseName(inputPath)}: archives are opened one level deep, so it was not read");
                    return;
                }
                files.Add(new LoadedFile(inputPath, prefix + rel, assignment.Node, "archive", 0, 0, null));
                ReadSource(new Input($"{inputPath.TrimEnd('/', '\\')}/{entry.Path}", inner, prefix + rel + "/", inputPath, input.Depth + 1), nested);
                return;
            }
            string path = prefix + rel;
            var waiting = bytes is null ? new Waiting(path, assignment, outcome.Error ?? "cannot read", null, 0) : Parse(path, assignment, bytes);
            pending.Add(waiting);
            // Reading must not outrun parsing by more than a bound: a 1,000-node bundle is read far faster than it is
            // parsed, and every waiting file's bytes would be held at once. Merge the oldest until back under it.
            bytesAhead += waiting.Bytes;
            while (bytesAhead > BytesAhead && merged < pending.Count) MergeNext();
        }, sourceProblems);

        while (merged < pending.Count) MergeNext();

        void MergeNext()
        {
            var (path, assignment, readError, parse, length) = pending[merged];
            var (copyOf, size) = (pending[merged].CopyOf, pending[merged].Size);
            pending[merged++] = default;
            bytesAhead -= length;
            if (parse is null)
            {
                problems.Add(new Problem(new Source(path, 0), readError!));
                files.Add(new LoadedFile(inputPath, path, assignment.Node, null, 0, 1, null));
                unrecognised++;
                return;
            }
            var result = parse.GetAwaiter().GetResult();
            if (result.Outcome.SkipReason is { } why)
            {
                skipped++;
                files.Add(new LoadedFile(inputPath, path, null, null, 0, 0, why));
                return;
            }
            // The byte budget is charged for the text parsed here: copies of content parsed before (a whole file, or a
            // table) cost only the facts they keep, which the fact budget counts.
            // A copy of content the budget refused is refused too: it would be the same facts.
            var charge = copyOf is not null && _refused.Contains(copyOf) ? size : length - result.Outcome.SharedBytes;
            if (state.Budget.TakeBytes(Math.Max(0, charge)) is { } spent)
            {
                _refused.Add(copyOf ?? parse);
                skipped++;
                files.Add(new LoadedFile(inputPath, path, null, null, 0, 0, spent));
                problems.Add(new Problem(new Source(path, 0), spent));
                state.Cuts.Add(Cut(inputPath, path, assignment, result.Outcome, ReadLimit.ReadBytes, _options.MaxReadBytes, Math.Max(length, size)));
                return;
            }
            if (state.Budget.TakeFacts(result.Outcome.Facts.Count) is { } full)
            {
                problems.Add(new Problem(new Source(path, 0), full));
                files.Add(new LoadedFile(inputPath, path, result.Outcome.Node, result.Outcome.Kind, 0, 1, null));
                state.Cuts.Add(Cut(inputPath, path, assignment, result.Outcome, ReadLimit.Facts, _options.MaxFacts, Math.Max(length, size)));
                return;
            }
            state.Facts.AddRange(result.Outcome.Facts);
            _budget.Check(inputPath, _bytesRead, files.Count, state.Facts.Count);
            problems.AddRange(result.Outcome.Problems);
            files.Add(new LoadedFile(inputPath, path, result.Outcome.Node, result.Outcome.Kind, result.Parsed, result.Outcome.Problems.Count, null));
            if (result.Outcome.Kind is null) { unrecognised++; return; }
            parsed++;
            if (result.Outcome.Node is not null) nodes.Add(result.Outcome.Node);
        }

        // An input that lists nothing without any complaint is empty; say so, or zero facts would read as "healthy".
        if (entries.Count == 0 && sourceProblems.Count == 0) problems.Add(new Problem(new Source(inputPath, 0), NothingInInput));
        problems.AddRange(sourceProblems);
        state.Inputs.Add(new InputSummary(inputPath, nodes.ToList(), parsed)
        {
            Layout = layout.Name,
            NodeOrigin = layout.NodeOrigin,
            Skipped = skipped,
            Unrecognised = unrecognised,
            FoundIn = input.FoundIn,
        });
        state.Append(nested);
    }

    /// <summary>
    /// Starts the parse of a file read: a copy of a content already read on another node (<see cref="SharedParses"/>)
    /// waits for the first copy's parse and takes a copy of its facts, charging nothing to the byte budget (its facts
    /// still count against the fact budget); new content is parsed on the thread pool and charged when merged.
    /// </summary>
    private Waiting Parse(string path, FileAssignment assignment, byte[] bytes)
    {
        var key = SharedParses.KeyOf(bytes, path, assignment.Node, assignment.SniffAlias);
        FileParseOutcome ParseOnly() => _parser.Parse(path, assignment.Node, bytes, assignment.SniffAlias, _sections);
        DemandedOutcome ParseHere() => Demanded(ParseOnly());
        if (key is { } k && _shared.CopyOf(k, path, assignment.Node!, ParseHere) is { } copy)
            return new Waiting(path, assignment, null, copy, 0) { CopyOf = _shared.FirstOf(k), Size = bytes.Length };
        var parse = Start(ParseOnly);
        if (key is { } first) _shared.Remember(first, path, assignment.Node!, parse);
        return new Waiting(path, assignment, null, parse, bytes.Length);
    }

    /// <summary>
    /// Parses on the thread pool in the order the files were read (its fair queue: a reader on a pool thread would
    /// otherwise fill its own last-in first-out queue, and a 100-node bundle's pods.yaml, listed first and the longest
    /// parse, started last and ended the read), then keeps what the demand wants once it is known, without holding a
    /// thread while the packs load.
    /// </summary>
    private Task<DemandedOutcome> Start(Func<FileParseOutcome> parse)
    {
        var parsed = Task.Factory.StartNew(parse, CancellationToken.None, TaskCreationOptions.PreferFairness, TaskScheduler.Default);
        var known = _options.Demand?.Ready ?? Task.CompletedTask;
        return Task.WhenAll(parsed, known).ContinueWith(
            _ => Demanded(parsed.GetAwaiter().GetResult()), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>A file read and waiting to be merged: its parse (or the read error), and the bytes it holds until then (0 for a copy).</summary>
    private readonly record struct Waiting(string Path, FileAssignment Assignment, string? ReadError, Task<DemandedOutcome>? Parse, long Bytes)
    {
        /// <summary>The parse of the first copy, when this file is a copy of content parsed before.</summary>
        public Task<DemandedOutcome>? CopyOf { get; init; }

        /// <summary>The file's size (a copy holds no bytes while it waits, but is charged them if its first copy was refused).</summary>
        public long Size { get; init; }
    }

    /// <summary>What shared sections hold for their copies: what the demand wants and what post-processing reads; all without a demand.</summary>
    private static Func<Fact, bool>? Keeper(IFactDemand? demand) =>
        demand is null ? null : fact => PostProcessing.Reads(fact) || demand.Wants(fact);

    /// <summary>
    /// The record of a file a budget cut: its parse is complete, so the types and nodes of the facts it would have kept
    /// (and what post-processing would have made of them) say exactly which evidence is missing where.
    /// </summary>
    private static ReadCut Cut(string input, string path, FileAssignment assignment, FileParseOutcome outcome, ReadLimit limit, long budget, long bytes)
    {
        var lost = new HashSet<LostFacts>();
        foreach (var fact in outcome.Facts)
        {
            lost.Add(new LostFacts(fact.GetType(), fact.Node));
            foreach (var made in PostProcessing.Makes(fact)) lost.Add(new LostFacts(made, fact.Node));
        }
        var ordered = lost.OrderBy(l => l.Type.Name, StringComparer.Ordinal).ThenBy(l => l.Node, StringComparer.Ordinal).ToList();
        return new ReadCut(input, path, outcome.Node ?? assignment.Node, outcome.Kind, limit, budget, bytes, outcome.Facts.Count, ordered);
    }

    private const string NothingInInput = "input holds no file at all (an empty folder, archive or standard input); there is no evidence to diagnose";

    /// <summary>
    /// A file's facts that the demand wants, filtered inside the parse task so the rest never reach the merged list.
    /// Facts that post-processing reads across files (<see cref="PostProcessing.Reads"/>) are kept: it runs before the rules.
    /// Every fact kept is compacted (<see cref="FactCompactor"/>): it shares what other files' facts repeat.
    /// </summary>
    private DemandedOutcome Demanded(FileParseOutcome outcome)
    {
        int parsed = outcome.Facts.Count;
        if (parsed == 0) return new DemandedOutcome(outcome, parsed);
        var demand = _options.Demand;
        var kept = new List<Fact>(demand is null ? parsed : 0);
        foreach (var fact in outcome.Facts)
        {
            if (demand is null || PostProcessing.Reads(fact) || demand.Wants(fact)) kept.Add(_compactor.Compact(fact));
        }
        return new DemandedOutcome(outcome with { Facts = kept }, parsed);
    }

    private static bool IsArchiveByName(BundleEntry entry) =>
        entry.Type == BundleEntryType.File && ArchiveFormats.HasArchiveName(entry.Name);

    private static string NotFollowed(BundleEntry entry) => entry.Type == BundleEntryType.Link
        ? $"symbolic or hard link{(entry.LinkTarget is { } target ? $" to '{Snippet.Of(target)}'" : "")} not followed; what it points to is not in the evidence"
        : $"{entry.Special ?? "special file"} (device, FIFO or socket) not read";

    private static string Relative(BundleLayout layout, string path) =>
        layout.Root.Length > 0 && path.StartsWith(layout.Root, StringComparison.Ordinal) ? path[layout.Root.Length..] : path;

    private IBundleSource? Open(string path, out string? error)
    {
        error = null;
        if (StdinSource.Is(path)) return StdinSource.Open(_options, out error);
        if (Directory.Exists(path)) return new DirectorySource(path, _options);
        if (!File.Exists(path)) { error = $"input not found: {path}"; return null; }
        // Opening a FIFO blocks until something writes to it; a device may never end.
        if (FileKind.NotRegular(path, followLinks: true) is { } special)
        {
            error = $"input {path} is a {special}, not a file or directory; not read";
            return null;
        }
        try
        {
            using (File.OpenRead(path)) { }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read input {path}: {ex.Message}";
            return null;
        }
        if (ArchiveSources.ForFile(path, _options) is { } archive) return archive;
        if (new FileInfo(path).Length > _options.MaxFileBytes)
        {
            error = $"input {path} is larger than the {BoundedRead.Bytes(_options.MaxFileBytes)} limit";
            return null;
        }
        return new SingleFileSource(path, _options);
    }

    /// <summary>One source being read: the path it is reported under, the prefix of its files' paths, the input it was found in, how deep.</summary>
    private sealed record Input(string Path, IBundleSource Source, string Prefix, string? FoundIn, int Depth);

    /// <summary>What reading gathers, input after input; an archive found inside an input fills its own and is appended after it.</summary>
    private sealed class ReadState(ReadBudget budget)
    {
        public ReadBudget Budget { get; } = budget;
        public List<Fact> Facts { get; } = [];
        public List<Problem> Problems { get; } = [];
        public List<InputSummary> Inputs { get; } = [];
        public List<LoadedFile> Files { get; } = [];
        public List<ReadCut> Cuts { get; } = [];

        public void Append(ReadState other)
        {
            Cuts.AddRange(other.Cuts);
            Facts.AddRange(other.Facts);
            Problems.AddRange(other.Problems);
            Inputs.AddRange(other.Inputs);
            Files.AddRange(other.Files);
        }
    }
}
