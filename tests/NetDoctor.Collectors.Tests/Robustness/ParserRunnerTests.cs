using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Tests.Robustness;

public sealed class ParserRunnerTests
{
    private sealed class Throwing : IFormatParser
    {
        public string Kind => "throwing";
        public int Sniff(string fileName, string head) => 0;
        public ParseResult Parse(ParseInput input) => throw new InvalidOperationException("boom " + new string('x', 1000));
    }

    [Fact]
    public void An_escaped_exception_becomes_a_problem_at_the_last_line()
    {
        var r = ParserRunner.Run(new Throwing(), new ParseInput("n/f.txt", "n", "a\nb\nc\n"));
        r.Facts.ShouldBeEmpty();
        var p = r.Problems.Single();
        (p.Source.File, p.Source.Line).ShouldBe(("n/f.txt", 3));
        p.Message.ShouldContain("throwing");
        p.Message.ShouldContain("InvalidOperationException");
        p.Message.Length.ShouldBeLessThan(400);
    }

    [Fact]
    public void Empty_file_problem_points_at_the_whole_file() =>
        ParserRunner.Run(new Throwing(), new ParseInput("n/f.txt", "n", "")).Problems.Single().Source.Line.ShouldBe(0);
}
