using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Tests.Robustness;

/// <summary>
/// Derive one class per parser to get the whole hostile-input battery as separate tests:
/// <code>
/// public sealed class MyParserRobustness : ParserRobustnessSuite
/// {
///     protected override IFormatParser Parser => new MyParser();
///     protected override string Sample => File.ReadAllText("Parsers/My/Fixtures/sample.txt");
/// }
/// </code>
/// Override <see cref="LineOriented"/> to false for formats where one bad line legitimately spoils the document (JSON, YAML).
/// </summary>
public abstract class ParserRobustnessSuite
{
    protected abstract IFormatParser Parser { get; }

    /// <summary>A realistic input of the format (a fixture); it must yield facts.</summary>
    protected abstract string Sample { get; }

    protected virtual bool LineOriented => true;

    /// <summary>
    /// Where the garbage goes when the format is not line-oriented: the middle character by default. A YAML format whose
    /// middle falls inside a comment or a plain scalar (which may hold any text) overrides it with a line start, where
    /// garbage breaks the structure.
    /// </summary>
    protected virtual int SpliceAt => Sample.Length / 2;

    /// <summary>
    /// Wall-clock budget per 10 MB input. Generous because tests run in parallel on a shared 2-core machine;
    /// it still catches what it is for: a quadratic parser takes hours on 10 MB, not a minute.
    /// </summary>
    protected virtual TimeSpan HugeLineBudget => TimeSpan.FromSeconds(60);

    [Fact]
    public void Sample_parses_with_facts() => RobustnessChecks.ParseChecked(Parser, Sample).Facts.ShouldNotBeEmpty();

    [Fact]
    public void Empty_input() => RobustnessChecks.Empty(Parser);

    [Fact]
    public void Truncated_at_every_line() => RobustnessChecks.Truncated(Parser, Sample);

    [Fact]
    public void Random_garbage() => RobustnessChecks.RandomGarbage(Parser);

    [Fact]
    public void Garbage_spliced_into_sample() => RobustnessChecks.GarbageSpliced(Parser, Sample);

    [Fact]
    public void Ten_megabyte_single_line() => RobustnessChecks.HugeLine(Parser, Sample, HugeLineBudget);

    [Fact]
    public void Invalid_utf8_decoded_with_replacement_characters() => RobustnessChecks.InvalidUtf8(Parser, Sample);

    [Fact]
    public void Crlf_line_endings_give_the_same_facts() => RobustnessChecks.Crlf(Parser, Sample);

    [Fact]
    public void Bad_line_is_reported_and_isolated()
    {
        if (!LineOriented)
        {
            // One broken token spoils a JSON document; still, it must be a located problem, not an exception.
            int at = Math.Clamp(SpliceAt, 0, Sample.Length);
            var broken = Sample.Length > 2 ? Sample[..at] + RobustnessChecks.GarbageLine + Sample[at..] : RobustnessChecks.GarbageLine;
            RobustnessChecks.ParseChecked(Parser, broken).Problems.ShouldNotBeEmpty();
            return;
        }
        RobustnessChecks.BadLineIsolated(Parser, Sample);
    }

    [Fact]
    public void Runner_never_throws() =>
        ParserRunner.Run(Parser, new ParseInput(RobustnessChecks.Path, "node-a", Sample)).ShouldNotBeNull();
}
