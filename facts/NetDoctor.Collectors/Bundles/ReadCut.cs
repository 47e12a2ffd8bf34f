namespace NetDoctor.Collectors.Bundles;

/// <summary>Which of a run's reading budgets cut a file.</summary>
public enum ReadLimit
{
    /// <summary><see cref="BundleReadOptions.MaxReadBytes"/>: the file content parsed in one run.</summary>
    ReadBytes,

    /// <summary><see cref="BundleReadOptions.MaxFacts"/>: the facts kept in one run.</summary>
    Facts,
}

/// <summary>
/// A file the run's reading budgets cut: it was parsed, but none of its facts were kept. Recorded so that what follows
/// the read knows which evidence is missing where — rules that need it must not conclude from the rest as if the file
/// had said nothing (a node whose kube-proxy config was cut is not a node whose kube-proxy has no cluster CIDR).
/// </summary>
/// <param name="Input">The input the file belongs to.</param>
/// <param name="Path">The file, as problems name it.</param>
/// <param name="Node">The node the file belongs to; null for a cluster-scoped file.</param>
/// <param name="Kind">The format it was parsed as (null when no parser recognised it).</param>
/// <param name="Limit">The budget that was spent.</param>
/// <param name="Budget">That budget's value in this run (bytes or facts).</param>
/// <param name="Bytes">The file's size.</param>
/// <param name="Facts">Facts of the file some rule could use (after the run's demand); none were kept.</param>
/// <param name="Lost">The fact types the cut took away, each with its node, including what post-processing would have
/// made of them (kube-proxy's settings from its config file).</param>
public sealed record ReadCut(string Input, string Path, string? Node, string? Kind, ReadLimit Limit, long Budget, long Bytes, int Facts, IReadOnlyList<LostFacts> Lost);

/// <summary>Facts of <paramref name="Type"/> on <paramref name="Node"/> (null: cluster-scoped) that a cut file held.</summary>
public sealed record LostFacts(Type Type, string? Node);
