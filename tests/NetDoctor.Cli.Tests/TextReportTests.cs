using System.Diagnostics;

namespace NetDoctor.Cli.Tests;

/// <summary>
/// The text report an operator copies fixes from: at 80, 120 and 200 columns every remediation command of every sample
/// (taken from the JSON) is found whole on one line, nothing carries trailing spaces or "=null", counts read as English,
/// and the width comes from COLUMNS (or a default when redirected).
/// </summary>
public class TextReportTests
{
    public static TheoryData<string, int> SamplesAtWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (string sample in Repo.Samples)
            foreach (int width in new[] { 80, 120, 200 }) data.Add(sample, width);
        return data;
    }

    [Theory]
    [MemberData(nameof(SamplesAtWidths))]
    public async Task Every_remediation_command_is_whole_on_one_line(string sample, int width)
    {
        var json = await Cli.Run("run", "--bundle", Repo.Sample(sample), "--format", "json");
        var text = await Cli.RunAt(width, "run", "--bundle", Repo.Sample(sample), "--explain");
        var lines = text.Out.Split('\n');

        var commands = json.Json["diagnoses"]!.AsArray().SelectMany(d => d!["remediation"]!.AsArray())
            .Select(r => (string?)r!["command"]).OfType<string>().Distinct().ToList();
        foreach (string command in commands)
            lines.ShouldContain(l => l.TrimStart() == command, $"command not whole on one line at {width} columns: {command}\n{text.Out}");

        lines.Where(l => l.EndsWith(' ')).ShouldBeEmpty("lines with trailing spaces");
        text.Out.ShouldNotContain("=null");
        // The report's own counts read as English (a rule's message is its author's words, not checked here).
        text.Out.ShouldNotContain("diagnosis(es)");
        text.Out.ShouldNotContain("problem(s)");
        text.Out.ShouldNotMatch(@"\b([2-9]|\d{2,}) (error|warning)[),]");
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public async Task Prose_wraps_at_the_width_without_splitting_words_and_tables_keep_sources_whole(int width)
    {
        var json = await Cli.Run("run", "--bundle", Repo.Sample("incident-003-no-default-route"), "--format", "json");
        var text = await Cli.RunAt(width, "run", "--bundle", Repo.Sample("incident-003-no-default-route"));
        var lines = text.Out.Split('\n');

        // Lines that are not commands fit; a longer one is a single word that may not be split.
        var commands = json.Json["diagnoses"]!.AsArray().SelectMany(d => d!["remediation"]!.AsArray()).Select(r => (string?)r!["command"]).OfType<string>().ToHashSet();
        foreach (string line in lines.Where(l => l.Length > width && !commands.Contains(l.TrimStart())))
            line.Trim().ShouldNotContain(' ', $"a line longer than {width} columns that is not one word: {line}");

        var sources = json.Json["diagnoses"]!.AsArray().SelectMany(d => d!["evidence"]!.AsArray()).Select(e => (string?)e!["source"]).OfType<string>();
        foreach (string source in sources) text.Out.ShouldContain(source);
        // Every word of the message is still there, in order, whatever the wrapping.
        string message = (string)json.Json["diagnoses"]![0]!["message"]!;
        string.Join(' ', text.Out.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)).ShouldContain(string.Join(' ', message.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Counts_are_english_and_why_does_not_repeat_the_message()
    {
        var one = await Cli.Run("run", "--bundle", Repo.Sample("incident-003-no-default-route"), "--explain");
        one.Out.ShouldContain("1 diagnosis (1 critical).");
        one.Out.ShouldContain("Why:");
        string message = (string)(await Cli.Run("run", "--bundle", Repo.Sample("incident-003-no-default-route"), "--format", "json")).Json["diagnoses"]![0]!["message"]!;
        string opening = string.Join(' ', message.Split(' ').Take(8));
        one.Out.Split("Why:")[1].ShouldNotContain(opening);

        var three = await Cli.Run("run", "--bundle", Repo.Sample("incident-001-bgp-stray-interface"));
        three.Out.ShouldContain("3 diagnoses (3 errors).");
        var healthy = await Cli.Run("run", "--bundle", Repo.Sample("healthy-calico-ipip"));
        healthy.Out.ShouldStartWith("No diagnoses.");
    }

    [Fact]
    public async Task Derived_evidence_leaves_out_fields_without_a_value()
    {
        var text = await Cli.RunAt(200, "run", "--bundle", Repo.Sample("incident-001-bgp-stray-interface"));
        text.Out.ShouldContain("WrongBgpAddress");
        text.Out.ShouldContain("SeenAs=spec.bgp.ipv4Address of Calico Node k8s02");
        text.Out.ShouldNotContain("Interface=null");
        text.Out.ShouldNotContain("ObservedBy=null");
    }

    [Theory]
    [InlineData("90", 90)]
    [InlineData(null, 100)]
    public async Task The_width_comes_from_COLUMNS_and_defaults_to_100_when_redirected(string? columns, int expected)
    {
        // A real process, stdout redirected: what `netdoctor run ... | less` or a CI log gets.
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "netdoctor.dll"), "run", "--bundle", Repo.Sample("incident-003-no-default-route")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment.Remove("COLUMNS");
        if (columns is not null) start.Environment["COLUMNS"] = columns;
        using var process = Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        var heading = output.Split('\n').First(l => l.StartsWith("── CRITICAL", StringComparison.Ordinal));
        heading.Length.ShouldBe(expected, output);
        output.ShouldNotContain("\u001b[");
    }
}
