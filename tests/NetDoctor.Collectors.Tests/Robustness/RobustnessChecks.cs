using System.Diagnostics;
using System.Text;
using NetDoctor.Collectors.Parsing;

namespace NetDoctor.Collectors.Tests.Robustness;

/// <summary>
/// Hostile-input checks any <see cref="IFormatParser"/> must pass: no exception escapes, every problem and fact
/// points into the file it was given (right path, a line that exists), and — for line-oriented formats — a bad line
/// spoils nothing around it. Used through <see cref="ParserRobustnessSuite"/>, or called directly.
/// </summary>
public static class RobustnessChecks
{
    public const string Path = "node-a/robustness-input.txt";
    public const string GarbageLine = "%%% not valid here {{{ ~~~ 12345 \" '' %%%";

    public static ParseResult ParseChecked(IFormatParser parser, string text, string path = Path)
    {
        ParseResult result;
        try
        {
            result = parser.Parse(new ParseInput(path, "node-a", text));
        }
        catch (Exception ex)
        {
            throw new ShouldAssertException($"{parser.Kind}: exception escaped the parser: {ex}");
        }
        result.ShouldNotBeNull();
        int lines = CountLines(text);
        foreach (var p in result.Problems)
        {
            p.Source.File.ShouldBe(path, $"{parser.Kind}: problem '{p.Message}' names the wrong file");
            p.Source.Line.ShouldBeInRange(0, Math.Max(lines, 1), $"{parser.Kind}: problem '{p.Message}' points past the end");
            p.Message.ShouldNotBeNullOrWhiteSpace();
            p.Message.Length.ShouldBeLessThan(600, $"{parser.Kind}: problem messages must quote input briefly");
        }
        foreach (var f in result.Facts)
        {
            f.Source.File.ShouldBe(path, $"{parser.Kind}: fact {f.GetType().Name} names the wrong file");
            f.Source.Line.ShouldBeInRange(1, Math.Max(lines, 1), $"{parser.Kind}: fact {f.GetType().Name} points outside the input");
            f.Node.ShouldBeOneOf("node-a", null);
            _ = f.Summary;
        }
        return result;
    }

    public static void Empty(IFormatParser parser)
    {
        ParseChecked(parser, "").Facts.ShouldBeEmpty();
        ParseChecked(parser, "\n\n  \n");
    }

    /// <summary>Every prefix of the sample, cut at line ends and in the middle of lines.</summary>
    public static void Truncated(IFormatParser parser, string sample, int maxCuts = 400)
    {
        var ends = new List<int>();
        for (int i = 0; i < sample.Length; i++)
            if (sample[i] == '\n') ends.Add(i);
        var cuts = new SortedSet<int>();
        int step = Math.Max(1, ends.Count / maxCuts);
        for (int k = 0; k < ends.Count; k += step)
        {
            cuts.Add(ends[k]);
            int prev = k == 0 ? 0 : ends[k - 1];
            cuts.Add(prev + (ends[k] - prev) / 2);
        }
        foreach (var cut in cuts) ParseChecked(parser, sample[..cut]);
    }

    public static void RandomGarbage(IFormatParser parser, int seed = 20241122, int rounds = 60)
    {
        var rng = new Random(seed);
        const string alphabet = "abcXYZ019 \t\n\r\"'\\[]{}:;,./-!#*@=<>+|%\u0000\u00e9\u4e2d\uFFFD";
        for (int r = 0; r < rounds; r++)
        {
            var sb = new StringBuilder();
            int len = rng.Next(1, 2000);
            for (int i = 0; i < len; i++) sb.Append(alphabet[rng.Next(alphabet.Length)]);
            ParseChecked(parser, sb.ToString());
        }
    }

    /// <summary>Random lines spliced into the sample: the parser must survive and keep its sources honest.</summary>
    public static void GarbageSpliced(IFormatParser parser, string sample, int seed = 7)
    {
        var rng = new Random(seed);
        var lines = sample.Split('\n').ToList();
        for (int r = 0; r < 20 && lines.Count > 0; r++)
        {
            var copy = lines.ToList();
            var junk = new string(Enumerable.Range(0, rng.Next(1, 120)).Select(_ => (char)rng.Next(32, 127)).ToArray());
            copy.Insert(rng.Next(copy.Count + 1), junk);
            ParseChecked(parser, string.Join('\n', copy));
        }
    }

    public static void HugeLine(IFormatParser parser, string sample, TimeSpan budget)
    {
        var firstLine = sample.Split('\n').FirstOrDefault(l => l.Trim().Length > 0) ?? "x";
        var sb = new StringBuilder(10 * 1024 * 1024 + firstLine.Length);
        while (sb.Length < 10 * 1024 * 1024) sb.Append(firstLine).Append(' ');
        foreach (var text in new[] { sb.ToString(), new string('A', 10 * 1024 * 1024), firstLine + new string(' ', 5) + new string('9', 10 * 1024 * 1024) })
        {
            var sw = Stopwatch.StartNew();
            ParseChecked(parser, text);
            sw.Elapsed.ShouldBeLessThan(budget, $"{parser.Kind}: a 10 MB line took too long");
        }
    }

    /// <summary>Text as readers hand it over after decoding invalid UTF-8 with replacement characters.</summary>
    public static void InvalidUtf8(IFormatParser parser, string sample, int seed = 11)
    {
        var rng = new Random(seed);
        var bytes = Encoding.UTF8.GetBytes(sample).ToArray();
        if (bytes.Length > 0)
            for (int i = 0; i < Math.Max(1, bytes.Length / 40); i++) bytes[rng.Next(bytes.Length)] = (byte)rng.Next(0x80, 0x100);
        ParseChecked(parser, Encoding.UTF8.GetString(bytes));
        ParseChecked(parser, Encoding.UTF8.GetString([0xC3, 0x28, 0xFF, 0xFE, 0x0A, 0xE2, 0x82]) + "\n" + sample);
        ParseChecked(parser, sample.Replace('a', '\uFFFD'));
    }

    /// <summary>CRLF and LF give the same facts at the same lines, and no value keeps a stray '\r'.</summary>
    public static void Crlf(IFormatParser parser, string sample)
    {
        var lf = sample.Replace("\r\n", "\n");
        var a = ParseChecked(parser, lf);
        var b = ParseChecked(parser, lf.Replace("\n", "\r\n"));
        Describe(b).ShouldBe(Describe(a));
        foreach (var f in b.Facts) f.Summary.ShouldNotContain('\r');
        b.Problems.Count.ShouldBe(a.Problems.Count);
    }

    /// <summary>
    /// Line-oriented formats: a garbage line inserted anywhere yields a problem at exactly that line, and every fact
    /// of the clean parse is still produced (at a line shifted by one when it was below the garbage).
    /// </summary>
    public static void BadLineIsolated(IFormatParser parser, string sample, int maxPositions = 60)
    {
        var lines = sample.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        var clean = ParseChecked(parser, string.Join('\n', lines));
        clean.Facts.ShouldNotBeEmpty($"{parser.Kind}: the sample must produce facts");
        int step = Math.Max(1, lines.Length / maxPositions);
        for (int at = 0; at <= lines.Length; at += step)
        {
            var copy = lines.ToList();
            copy.Insert(at, GarbageLine);
            var dirty = ParseChecked(parser, string.Join('\n', copy));
            int garbageLine = at + 1;
            dirty.Problems.ShouldContain(p => p.Source.Line == garbageLine,
                $"{parser.Kind}: no problem reported at the garbage line {garbageLine}");
            var expected = clean.Facts.Select(f => (f.GetType().Name, f.Summary, f.Source.Line >= garbageLine ? f.Source.Line + 1 : f.Source.Line)).ToList();
            var actual = dirty.Facts.Select(f => (f.GetType().Name, f.Summary, f.Source.Line)).ToList();
            foreach (var e in expected)
                actual.ShouldContain(e, $"{parser.Kind}: fact lost or moved after a garbage line at {garbageLine}");
        }
    }

    private static List<string> Describe(ParseResult r) =>
        r.Facts.Select(f => $"{f.GetType().Name}|{f.Source}|{f.Summary}").ToList();

    private static int CountLines(string text)
    {
        int n = 0;
        TextLines.ForEach(text, (i, _) => n = i);
        return n;
    }
}
