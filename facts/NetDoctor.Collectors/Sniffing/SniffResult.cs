namespace NetDoctor.Collectors.Sniffing;

/// <summary>A parser's score for one file.</summary>
public readonly record struct SniffScore(string Kind, int Score);

/// <summary>
/// The outcome of sniffing one file: the chosen parser (null when every score was below the threshold)
/// and the best scores, so an "unrecognised file" problem can say what came closest.
/// </summary>
public sealed record SniffResult(ParserEntry? Match, int Score, IReadOnlyList<SniffScore> Candidates)
{
    public bool Recognised => Match is not null;

    /// <summary>"kind (score)" of the best candidates, for messages.</summary>
    public string DescribeCandidates(int max = 3) =>
        Candidates.Count == 0 || Candidates[0].Score == 0
            ? "no parser gave it any score"
            : "closest: " + string.Join(", ", Candidates.Where(c => c.Score > 0).Take(max).Select(c => $"{c.Kind} ({c.Score})"));
}
