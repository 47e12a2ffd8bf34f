using NetDoctor.Facts;

namespace NetDoctor.Collectors.Sniffing;

/// <summary>
/// Picks the parser for a file from its name and its first few kilobytes: every parser scores the file
/// (0..100), the highest score wins (the first full score ends the scoring), ties go to the parser listed first in the catalog, and a best score
/// below <see cref="Threshold"/> means "unrecognised" — reported as a problem naming the file, never dropped silently.
/// </summary>
public sealed class FormatSniffer
{
    /// <summary>Scores below this are guesses too weak to act on.</summary>
    public const int DefaultThreshold = 20;

    /// <summary>How much of a file the parsers see when sniffing.</summary>
    public const int HeadLength = 4096;

    private readonly IReadOnlyList<ParserEntry> _parsers;

    public FormatSniffer(IEnumerable<ParserEntry>? parsers = null, int threshold = DefaultThreshold)
    {
        _parsers = (parsers ?? ParserCatalog.All).ToList();
        Threshold = threshold;
    }

    public int Threshold { get; }

    public IReadOnlyList<ParserEntry> Parsers => _parsers;

    /// <summary>The first <see cref="HeadLength"/> characters of a text.</summary>
    public static string Head(string text) => text.Length <= HeadLength ? text : text[..HeadLength];

    /// <summary>
    /// Scores the file. <paramref name="aliasName"/> is the name the file would have in NetDoctor's own layout
    /// when a foreign layout names it differently (calicoctl's "ipv4_tables" is our "iptables-save.txt");
    /// a parser gets the better of its two scores.
    /// </summary>
    /// <param name="path">The file's path relative to its bundle root ('/' separated): parsers look at the name and
    /// sometimes at the folders ("cluster/crd/", "logs/").</param>
    public SniffResult Sniff(string path, string head, string? aliasName = null)
    {
        string name = path.Replace('\\', '/');
        if (head.Length > HeadLength) head = head[..HeadLength];
        var scores = new SniffScore[_parsers.Count];
        int best = -1, bestScore = 0;
        for (int i = 0; i < _parsers.Count; i++)
        {
            int score = Score(_parsers[i], name, head);
            if (aliasName is not null) score = Math.Max(score, Score(_parsers[i], aliasName, head));
            scores[i] = new SniffScore(_parsers[i].Kind, score);
            // Strictly greater: on a tie the earlier catalog entry keeps the file.
            if (score > bestScore) { best = i; bestScore = score; }
            // Nothing after a full score can take the file (a tie keeps the earlier entry): a file named as its format is
            // named in NetDoctor's layout ("ip-route.txt") is not scored by the 30-odd other parsers, whose sniffs of its
            // head were a fifth of the parse time of a 100-node bundle. The candidates are then those scored so far.
            if (score == 100)
            {
                scores = scores[..(i + 1)];
                break;
            }
        }
        var ranked = scores.OrderByDescending(s => s.Score).ToList();
        return bestScore >= Threshold && best >= 0
            ? new SniffResult(_parsers[best], bestScore, ranked)
            : new SniffResult(null, bestScore, ranked);
    }

    /// <summary>The problem to report for a file nobody recognised.</summary>
    public static Problem Unrecognised(string path, SniffResult result) =>
        new(new Source(path, 0), $"unrecognised file: no parser recognises '{path}' ({result.DescribeCandidates()}); it was not used");

    private static int Score(ParserEntry entry, string name, string head)
    {
        // A parser's sniff is a heuristic over arbitrary user text; a bug in one must not stop the others.
        try { return Math.Clamp(entry.Parser.Sniff(name, head), 0, 100); }
        catch (Exception) { return 0; }
    }
}
