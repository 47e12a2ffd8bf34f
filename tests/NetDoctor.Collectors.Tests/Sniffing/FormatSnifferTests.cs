using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Sniffing;

namespace NetDoctor.Collectors.Tests.Sniffing;

public class FormatSnifferTests
{
    private sealed class FixedParser(string kind, Func<string, string, int> sniff) : IFormatParser
    {
        public string Kind => kind;
        public int Sniff(string fileName, string head) => sniff(fileName, head);
        public ParseResult Parse(ParseInput input) => new();
    }

    private static ParserEntry Entry(string kind, Func<string, string, int> sniff) => new(new FixedParser(kind, sniff), FactScope.Node);

    [Fact]
    public void Highest_score_wins_whatever_the_catalog_order()
    {
        var sniffer = new FormatSniffer([Entry("weak", (_, _) => 30), Entry("strong", (_, _) => 90)]);

        var result = sniffer.Sniff("paste.txt", "anything");

        result.Match!.Kind.ShouldBe("strong");
        result.Score.ShouldBe(90);
    }

    [Fact]
    public void Tie_goes_to_the_parser_listed_first()
    {
        var sniffer = new FormatSniffer([Entry("first", (_, _) => 70), Entry("second", (_, _) => 70)]);

        sniffer.Sniff("x", "y").Match!.Kind.ShouldBe("first");
    }

    [Fact]
    public void Below_threshold_is_unrecognised_and_the_problem_names_the_file_and_closest_guess()
    {
        var sniffer = new FormatSniffer([Entry("ip-route", (_, _) => 5), Entry("never", (_, _) => 0)]);

        var result = sniffer.Sniff("k8s01/notes.md", "hello");
        var problem = FormatSniffer.Unrecognised("k8s01/notes.md", result);

        result.Recognised.ShouldBeFalse();
        problem.Source.File.ShouldBe("k8s01/notes.md");
        problem.Message.ShouldContain("unrecognised");
        problem.Message.ShouldContain("ip-route (5)");
    }

    [Fact]
    public void A_parser_whose_sniff_throws_scores_zero_and_others_still_compete()
    {
        var sniffer = new FormatSniffer([Entry("buggy", (_, _) => throw new InvalidOperationException("bug")), Entry("ok", (_, _) => 50)]);

        sniffer.Sniff("x", "y").Match!.Kind.ShouldBe("ok");
    }

    [Fact]
    public void Parsers_see_the_relative_path_and_only_the_head()
    {
        string? seenName = null;
        int seenLength = 0;
        var sniffer = new FormatSniffer([Entry("probe", (n, h) => { seenName = n; seenLength = h.Length; return 50; })]);

        sniffer.Sniff("nodes/k8s01/ip-route.txt", new string('x', 100_000));

        seenName.ShouldBe("nodes/k8s01/ip-route.txt");
        seenLength.ShouldBe(FormatSniffer.HeadLength);
    }

    [Fact]
    public void A_layout_alias_lets_a_foreign_file_name_score_as_the_documented_name()
    {
        var sniffer = new FormatSniffer([Entry("iptables-save", (n, _) => n == "iptables-save.txt" ? 100 : 0)]);

        sniffer.Sniff("ipv4_tables", "garbled").Recognised.ShouldBeFalse();
        sniffer.Sniff("ipv4_tables", "garbled", aliasName: "iptables-save.txt").Match!.Kind.ShouldBe("iptables-save");
    }

    [Fact]
    public void Scores_are_clamped_to_0_100()
    {
        var sniffer = new FormatSniffer([Entry("negative", (_, _) => -5), Entry("loud", (_, _) => 1000)]);

        var result = sniffer.Sniff("x", "y");

        result.Score.ShouldBe(100);
        result.Candidates.Single(c => c.Kind == "negative").Score.ShouldBe(0);
    }

    [Fact]
    public void A_full_score_ends_the_scoring_and_an_earlier_full_score_keeps_the_file()
    {
        int laterCalls = 0;
        var sniffer = new FormatSniffer([
            Entry("partial", (_, _) => 60),
            Entry("first-full", (_, _) => 100),
            Entry("second-full", (_, _) => { laterCalls++; return 100; })]);

        var result = sniffer.Sniff("x", "y");

        result.Match!.Kind.ShouldBe("first-full");
        laterCalls.ShouldBe(0);
        result.Candidates.Select(c => c.Kind).ShouldBe(["first-full", "partial"]);
    }
}
