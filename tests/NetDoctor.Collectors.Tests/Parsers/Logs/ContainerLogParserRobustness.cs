using NetDoctor.Collectors.Parsers.Logs;
using NetDoctor.Collectors.Parsing;
using NetDoctor.Collectors.Tests.Robustness;
using NetDoctor.Facts;

namespace NetDoctor.Collectors.Tests.Parsers.Logs;

/// <summary>
/// Logs are free text: no line is invalid, so the suite's "garbage line becomes a problem" check does not apply.
/// Instead a garbage line must become a plain log line of its own and leave every other record where it was.
/// </summary>
public sealed class ContainerLogParserRobustness
{
    private static readonly IFormatParser Parser = new ContainerLogParser();
    private static readonly string Sample = FixtureFiles.Parser("Logs", "calico-kube-controllers-596576f79-j2pkg.log");
    private static readonly string Python = FixtureFiles.Parser("Logs", "calico-policy-controller.log");
    private static readonly string CalicoStartup = FixtureFiles.Parser("Logs", "calico-node-address-taken.log");

    [Fact] public void Empty_input() => RobustnessChecks.Empty(Parser);
    [Fact] public void Truncated_at_every_line() { RobustnessChecks.Truncated(Parser, Sample); RobustnessChecks.Truncated(Parser, Python); RobustnessChecks.Truncated(Parser, CalicoStartup); }
    [Fact] public void Random_garbage() => RobustnessChecks.RandomGarbage(Parser);
    [Fact] public void Garbage_spliced_into_sample() => RobustnessChecks.GarbageSpliced(Parser, Sample);
    [Fact] public void Ten_megabyte_single_line() => RobustnessChecks.HugeLine(Parser, Sample, TimeSpan.FromSeconds(10));
    [Fact] public void Invalid_utf8_decoded_with_replacement_characters() => RobustnessChecks.InvalidUtf8(Parser, Sample);
    [Fact] public void Crlf_line_endings_give_the_same_facts() { RobustnessChecks.Crlf(Parser, Sample); RobustnessChecks.Crlf(Parser, Python); RobustnessChecks.Crlf(Parser, CalicoStartup); }

    [Fact]
    public void Garbage_line_is_a_plain_record_and_isolates_nothing()
    {
        var lines = Sample.TrimEnd('\n').Split('\n').ToList();
        var clean = RobustnessChecks.ParseChecked(Parser, string.Join('\n', lines));
        lines.Insert(2, RobustnessChecks.GarbageLine);
        var dirty = RobustnessChecks.ParseChecked(Parser, string.Join('\n', lines));

        dirty.Facts.OfType<LogLine>().Single(l => l.Source.Line == 3).Format.ShouldBe(LogFormat.Plain);
        dirty.Facts.OfType<LogEvent>().Select(e => e.Source.Line).ShouldBe(clean.Facts.OfType<LogEvent>().Select(e => e.Source.Line + 1));
    }
}
