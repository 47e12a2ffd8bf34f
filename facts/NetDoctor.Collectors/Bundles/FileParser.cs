using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Sniffing;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Bundles;

/// <summary>
/// Turns one file's bytes into facts: decode, sniff, parse. Shared by the bundle reader and any caller that
/// has a single file in hand. Never throws: every failure becomes a problem naming the file.
/// </summary>
public sealed class FileParser(FormatSniffer? sniffer = null)
{
    private readonly FormatSniffer _sniffer = sniffer ?? new FormatSniffer();

    public FormatSniffer Sniffer => _sniffer;

    /// <summary>Parses <paramref name="bytes"/> found at <paramref name="path"/> (relative to the bundle root).</summary>
    /// <param name="node">The node the layout assigns the file to; dropped for cluster-scoped formats.</param>
    /// <param name="sniffAlias">The file's name in NetDoctor's layout when the bundle calls it something else.</param>
    /// <param name="sections">Big sections parsed in other files of the same read, to copy instead of parsing again.</param>
    public FileParseOutcome Parse(string path, string? node, byte[] bytes, string? sniffAlias = null, SharedSections? sections = null)
    {
        var (text, elided, sniff) = node is not null && sections is not null ? Elide(path, bytes, sniffAlias, sections) : default;
        text ??= TextDecoder.Decode(bytes);
        if (text is null)
            return FileParseOutcome.Failed(new Problem(new Source(path, 0), "binary file (contains NUL bytes); skipped"));
        var nul = TextDecoder.ScrubNul(ref text) is { } line
            ? new Problem(new Source(path, line), "NUL byte in a text file past its first 8 KB (binary data, or a file written while it was copied); replaced by U+FFFD on this and any later line")
            : null;
        var outcome = sniff is null && AnsibleAdHocOutput.Split(text) is { } blocks
            ? PerHost(path, blocks)
            : Sniffed(path, node, text, sniffAlias, sections, sniffed: sniff, elided: elided);
        return nul is null ? outcome : outcome with { Problems = [nul, .. outcome.Problems] };
    }

    /// <summary>
    /// A node's file whose format can find big sections in its bytes (<see cref="ISectionedFormat"/>) is decoded without
    /// those other files of the read already hold (<see cref="ElidedSections"/>). The format is sniffed on the head of
    /// the bytes, the same head the decoded text would show, and that sniff is kept for the parse (Text is null when the
    /// format has no such sections: decode it whole); all null for a file that is not plain UTF-8 or is an ansible output.
    /// </summary>
    private (string? Text, ElidedSections? Elided, SniffResult? Sniff) Elide(string path, byte[] bytes, string? sniffAlias, SharedSections sections)
    {
        if (!TextDecoder.IsPlainUtf8(bytes)) return default;
        string head = TextDecoder.Head(bytes, FormatSniffer.HeadLength);
        if (AnsibleAdHocOutput.IsOne(head)) return default;
        var sniff = _sniffer.Sniff(path, head, sniffAlias);
        if (sniff.Match is not { Parser: ISectionedFormat format, Scope: not FactScope.Cluster }) return (null, null, sniff);
        var (text, elided) = ElidedSections.Decode(bytes, format.Sections(bytes), sections);
        return (text, elided, sniff);
    }

    /// <summary>
    /// An ansible ad-hoc output: every host's block is sniffed by its own content and parsed as that host's file (the
    /// node is the host the header names, whatever the layout says); a block nobody recognises is a problem at its header.
    /// </summary>
    private FileParseOutcome PerHost(string path, IReadOnlyList<AnsibleAdHocOutput.HostBlock> blocks)
    {
        var facts = new List<Fact>();
        var problems = new List<Problem>();
        var kinds = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            string body = string.Join('\n', block.Lines);
            if (string.IsNullOrWhiteSpace(body)) continue;
            // A host block is not a whole file: its sections are not shared with other files.
            var outcome = Sniffed(path, block.Host, AnsibleAdHocOutput.InPlace(block), null, null, FormatSniffer.Head(body));
            if (outcome.Kind is null)
            {
                problems.Add(new Problem(new Source(path, block.HeaderLine), $"ansible output of {block.Host} ({block.Status}): no parser recognises it; it was not used"));
                continue;
            }
            kinds.Add(outcome.Kind);
            facts.AddRange(outcome.Facts);
            problems.AddRange(outcome.Problems);
        }
        string? kind = kinds.Count == 0 ? null : "ansible-adhoc(" + string.Join(',', kinds) + ")";
        return new FileParseOutcome(kind, null, facts, problems);
    }

    private FileParseOutcome Sniffed(string path, string? node, string text, string? sniffAlias, SharedSections? sections, string? head = null, SniffResult? sniffed = null, ElidedSections? elided = null)
    {
        var sniff = sniffed ?? _sniffer.Sniff(path, head ?? FormatSniffer.Head(text), sniffAlias);
        if (sniff.Match is not { } entry)
        {
            // An empty output (no ip6tables rules, no IPv6 routes) says nothing and is not a problem.
            if (string.IsNullOrWhiteSpace(text)) return new FileParseOutcome(null, null, [], []) { SkipReason = "empty file" };
            return FileParseOutcome.Failed(FormatSniffer.Unrecognised(path, sniff));
        }

        string? factNode = entry.Scope == FactScope.Cluster ? null : node;
        // Sections are shared across the nodes' copies: a file with no node has none to share them with.
        var result = ParserRunner.Run(entry.Parser, new ParseInput(path, factNode, text) { Sections = factNode is null ? null : sections, Elided = elided });
        var facts = factNode is null
            ? result.Facts
            : result.Facts.Select(f => f.Node is null ? f with { Node = factNode } : f).ToList();
        return new FileParseOutcome(entry.Kind, factNode, facts, result.Problems)
        {
            Shareable = entry.Shareable && factNode is not null,
            SharedBytes = result.SharedBytes,
        };
    }
}

/// <summary>The facts and problems of one file; <see cref="Kind"/> is null when it was not parsed.</summary>
public sealed record FileParseOutcome(string? Kind, string? Node, IReadOnlyList<Fact> Facts, IReadOnlyList<Problem> Problems)
{
    /// <summary>Set when the file was deliberately not parsed (an empty file no parser claims).</summary>
    public string? SkipReason { get; init; }

    /// <summary>An identical copy of the file on another node may reuse these facts (see <see cref="Sniffing.ParserEntry.Shareable"/>).</summary>
    public bool Shareable { get; init; }

    /// <summary>Bytes (UTF-8) of the file whose facts were copied from a section another file parsed (see <see cref="SharedSections"/>).</summary>
    public long SharedBytes { get; init; }

    public static FileParseOutcome Failed(Problem problem) => new(null, null, [], [problem]);
}
