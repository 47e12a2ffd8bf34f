using NetDoctor.Facts;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// Everything read from one or more inputs, as one body of evidence: the facts, the problems met while reading
/// (malformed lines, unrecognised or unreadable files), a summary per input and what happened to every file.
/// A node that appears in several inputs is the same node: facts are keyed by node name only.
/// </summary>
public sealed class FactBase(IReadOnlyList<Fact> facts, IReadOnlyList<Problem> problems, IReadOnlyList<InputSummary> inputs, IReadOnlyList<LoadedFile> files)
{
    public IReadOnlyList<Fact> Facts { get; } = facts;
    public IReadOnlyList<Problem> Problems { get; } = problems;
    public IReadOnlyList<InputSummary> Inputs { get; } = inputs;
    public IReadOnlyList<LoadedFile> Files { get; } = files;

    /// <summary>Files the run's reading budgets cut (parsed, none of their facts kept): the evidence that is missing, and where.</summary>
    public IReadOnlyList<ReadCut> Cuts { get; init; } = [];

    /// <summary>Every node named by any input, sorted.</summary>
    public IReadOnlyList<string> Nodes => Inputs.SelectMany(i => i.Nodes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>True when at least one input could be opened (the CLI exits 2 when none could).</summary>
    public bool AnyInputRead => Inputs.Any(i => i.Error is null);

    /// <summary>
    /// True when no input gave a single parsed file: every input was unreadable, empty (an empty folder or empty
    /// standard input) or held only files no parser could use. Zero facts then mean "no evidence", not "healthy".
    /// </summary>
    public bool NothingReadable => !Inputs.Any(i => i.Error is null && i.Files > 0);

    public IEnumerable<T> OfType<T>() where T : Fact => Facts.OfType<T>();
}
