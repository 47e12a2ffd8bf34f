using System.Globalization;
using NetDoctor.Cli.Commands;
using NetDoctor.Cli.Reporting;
using NetDoctor.Cli.Reporting.Text;
using NetDoctor.Collectors.Bundles;
using NetDoctor.Packs.Inputs;

namespace NetDoctor.Cli.Pipeline;

/// <summary>
/// What `run` makes of the files a reading budget cut (<see cref="FactBase.Cuts"/>): the evidence the cut analysis
/// works from, and the report's <c>cut</c> — how much was cut, by which limit, and the option that raises it.
/// </summary>
public static class ReadingCut
{
    /// <summary>The cut files as the rules see them: which fact types each took away, on which node.</summary>
    public static IReadOnlyList<EvidenceCut> Evidence(FactBase facts) =>
        facts.Cuts.Select(c => new EvidenceCut(c.Path, Name(c.Limit), c.Lost.Select(l => (l.Type, l.Node)).ToList())).ToList();

    /// <summary>The report's <c>cut</c>; null when nothing was cut.</summary>
    /// <param name="rules">Distinct rules not evaluated somewhere because of the cut.</param>
    /// <param name="withheld">Diagnoses withheld because they rest on cut evidence.</param>
    public static CutReport? Report(IReadOnlyList<ReadCut> cuts, int rules, int withheld)
    {
        if (cuts.Count == 0) return null;
        var limits = cuts.GroupBy(c => c.Limit).OrderBy(g => g.Key).Select(g => new CutLimitReport(
            Name(g.Key),
            Option(g.Key),
            g.First().Budget,
            g.Count(),
            g.Sum(c => c.Bytes),
            g.Sum(c => (long)c.Facts),
            Enough(g.Key, g.First().Budget, cuts))).ToList();
        var nodes = cuts.Select(c => c.Node).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var files = cuts.Select(c => new CutFileReport(c.Path, c.Node, c.Kind, Name(c.Limit), c.Bytes, c.Facts)).ToList();
        return new CutReport(Message(cuts, limits, nodes, rules, withheld), limits, nodes, withheld, files);
    }

    public static string Name(ReadLimit limit) => limit == ReadLimit.Facts ? "maxFacts" : "maxReadBytes";

    public static string Option(ReadLimit limit) => limit == ReadLimit.Facts ? "--max-facts" : "--max-read-bytes";

    /// <summary>
    /// A budget that keeps every cut file: the facts of every cut file need room in the fact budget (a file the byte
    /// budget refused was never charged facts), the bytes of the files the byte budget refused in the byte budget.
    /// </summary>
    private static long Enough(ReadLimit limit, long budget, IReadOnlyList<ReadCut> cuts) => limit == ReadLimit.Facts
        ? budget + cuts.Sum(c => (long)c.Facts)
        : budget + cuts.Where(c => c.Limit == ReadLimit.ReadBytes).Sum(c => c.Bytes);

    /// <summary>
    /// "reading was cut: 926 files (1.2 GiB, 3,600,000 facts) on 930 nodes were parsed but not kept: the fact budget
    /// (--max-facts 262,144) was spent. 4 rules were not evaluated where that evidence is missing; 926 diagnoses made
    /// from partial input were withheld. To read everything: --max-facts 3,900,000 (memory permitting), or fewer nodes at once."
    /// </summary>
    private static string Message(IReadOnlyList<ReadCut> cuts, IReadOnlyList<CutLimitReport> limits, IReadOnlyList<string> nodes, int rules, int withheld)
    {
        string where = nodes.Count switch
        {
            0 => "",
            1 => $" on node {nodes[0]}",
            _ => $" on {nodes.Count} nodes",
        };
        string budgets = string.Join(" and ", limits.Select(l => l.Name == "maxFacts"
            ? $"the fact budget ({l.Option} {N(l.Budget)}) was spent"
            : $"the read budget ({l.Option} {ByteSize.Format(l.Budget)}) was spent"));
        string stopped = $"{Counted.Of(rules, "rule was", "rules were")} not evaluated where that evidence is missing" +
            (withheld > 0 ? $"; {Counted.Of(withheld, "diagnosis", "diagnoses")} made from partial input {(withheld == 1 ? "was" : "were")} withheld" : "");
        string raise = string.Join(" ", limits.Select(l => $"{l.Option} {l.Enough.ToString(CultureInfo.InvariantCulture)}"));
        return $"reading was cut: {Counted.Of(cuts.Count, "file")} ({ByteSize.Format(cuts.Sum(c => c.Bytes))}, {N(cuts.Sum(c => (long)c.Facts))} fact{(cuts.Sum(c => c.Facts) == 1 ? "" : "s")}){where} " +
               $"{(cuts.Count == 1 ? "was" : "were")} parsed but not kept: {budgets}. {char.ToUpperInvariant(stopped[0])}{stopped[1..]}. " +
               $"To read everything, run again with {raise} (memory permitting: a read too big for this machine still stops with exit 2), or give fewer nodes at once.";
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
