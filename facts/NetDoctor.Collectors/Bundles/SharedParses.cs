using System.IO.Hashing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// Content-addressed reading: the first parse of every file content, by a 128-bit hash of its bytes and its path with
/// the node's name taken out, so an identical copy on another node (kube-proxy's nat table, the same ipsets, the same
/// sysctls on every node of a cluster) is parsed once. A copy gets its own facts: shallow copies of the first copy's
/// facts with its own <see cref="Fact.Node"/> and <see cref="Source.File"/> (lines are the same, the text is), so per-node
/// diagnoses stay per node and provenance points to each node's own file. What the facts hold (matches, text slices)
/// is shared. Only formats whose facts depend on nothing else of the node (<see cref="Sniffing.ParserEntry.Shareable"/>)
/// are reused; any other copy is parsed again. A copy that differs by one byte has another hash and is parsed on its own.
/// </summary>
/// <remarks>Used by one reading thread (the source's callback); the parses themselves run on the thread pool.</remarks>
internal sealed class SharedParses
{
    private readonly Dictionary<Key, First> _firsts = [];

    /// <summary>The key of a file's content at <paramref name="path"/> on <paramref name="node"/>; null when it has no node.</summary>
    public static Key? KeyOf(byte[] bytes, string path, string? node, string? sniffAlias)
    {
        if (node is null) return null;
        var hash = XxHash128.HashToUInt128(bytes);
        return new Key(hash, bytes.Length, path.Replace(node, "\0", StringComparison.Ordinal), sniffAlias);
    }

    /// <summary>
    /// The facts of a copy of a content already parsed, as a task that ends with the first parse; null when the content
    /// is new (then <see cref="Remember"/> its parse).
    /// </summary>
    /// <param name="parseAgain">Parses this copy on its own: used when the first copy's format may not be shared.</param>
    public Task<DemandedOutcome>? CopyOf(Key key, string path, string node, Func<DemandedOutcome> parseAgain)
    {
        if (!_firsts.TryGetValue(key, out var first)) return null;
        return first.Parse.ContinueWith(done =>
        {
            var result = done.GetAwaiter().GetResult();
            // A format that reads more of the node than its name (or a file not parsed at all) is parsed for this node.
            if (!result.Outcome.Shareable) return parseAgain();
            return result with { Outcome = Copy(result.Outcome, first.Path, first.Node, path, node) };
        }, TaskScheduler.Default);
    }

    /// <summary>The parse of the first copy of <paramref name="key"/>'s content.</summary>
    public Task<DemandedOutcome>? FirstOf(Key key) => _firsts.TryGetValue(key, out var first) ? first.Parse : null;

    public void Remember(Key key, string path, string node, Task<DemandedOutcome> parse) => _firsts[key] = new First(path, node, parse);

    /// <summary>The outcome of <paramref name="firstPath"/> on <paramref name="firstNode"/> as read at <paramref name="path"/> on <paramref name="node"/>.</summary>
    internal static FileParseOutcome Copy(FileParseOutcome outcome, string firstPath, string firstNode, string path, string node)
    {
        var facts = new Fact[outcome.Facts.Count];
        for (int i = 0; i < facts.Length; i++)
        {
            var fact = outcome.Facts[i];
            facts[i] = fact with
            {
                Source = Moved(fact.Source, firstPath, path),
                Node = fact.Node == firstNode ? node : fact.Node,
            };
        }
        var problems = outcome.Problems.Count == 0
            ? outcome.Problems
            : outcome.Problems.Select(p => p with { Source = Moved(p.Source, firstPath, path) }).ToList();
        return outcome with { Node = node, Facts = facts, Problems = problems };
    }

    private static Source Moved(Source source, string firstPath, string path) =>
        source.File == firstPath ? source with { File = path } : source;

    /// <summary>A content and where it sits on its node: the hash, the length, the path without the node's name, the sniffing hint.</summary>
    internal readonly record struct Key(UInt128 Hash, int Length, string NodeRelativePath, string? SniffAlias);

    private sealed record First(string Path, string Node, Task<DemandedOutcome> Parse);
}
