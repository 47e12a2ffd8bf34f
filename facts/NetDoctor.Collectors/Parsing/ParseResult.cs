using NetDoctor.Facts;

namespace NetDoctor.Collectors.Parsing;

/// <summary>What a parser returns: the facts it could read and the problems it met (never an exception).</summary>
public sealed class ParseResult
{
    public List<Fact> Facts { get; } = [];
    public List<Problem> Problems { get; } = [];

    /// <summary>Bytes (UTF-8) of the text whose facts are copies of a section another file parsed (<see cref="SharedSections"/>).</summary>
    public long SharedBytes { get; set; }

    public void Add(Fact fact) => Facts.Add(fact);
    public void Problem(Source source, string message) => Problems.Add(new Problem(source, message));

    public void AddRange(ParseResult other)
    {
        Facts.AddRange(other.Facts);
        Problems.AddRange(other.Problems);
    }
}
