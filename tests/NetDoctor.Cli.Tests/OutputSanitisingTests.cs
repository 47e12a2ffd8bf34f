using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NetDoctor.Cli.Reporting.Text;

namespace NetDoctor.Cli.Tests;

/// <summary>
/// Issue #13 item 9: control sequences from a pack (title, message, remediation command) or from a bundle (a log line,
/// an interface name, a file name) never reach human output raw — text, markdown, github, vet, explain, packs, facts,
/// stderr — and are shown escaped; Markdown from them renders as text; JSON and SARIF keep the exact strings.
/// </summary>
public sealed class OutputSanitisingTests : IDisposable
{
    private readonly HostileOutput _hostile = HostileOutput.Create();

    public void Dispose() => _hostile.Dispose();

    private Task<Cli.Result> RunWithPack(params string[] format) =>
        Cli.Run(["run", "--bundle", Repo.Sample("incident-003-no-default-route"), "--packs", _hostile.Pack, "--explain", .. format]);

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("github")]
    public async Task No_raw_control_character_from_a_pack_reaches_stdout(string format)
    {
        var result = await RunWithPack("--format", format);
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Out.ShouldContain("Injected");
        HostileOutput.RawControls(result.Out).ShouldBeEmpty();
        HostileOutput.RawControls(result.Err).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    [InlineData("github")]
    public async Task No_raw_control_character_from_a_bundle_reaches_stdout(string format)
    {
        var result = await Cli.Run("run", "--bundle", _hostile.Bundle, "--explain", "--format", format);
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Out.ShouldContain("no-route-to-service-cidr");
        HostileOutput.RawControls(result.Out).ShouldBeEmpty();
    }

    [Fact]
    public async Task Text_shows_each_sequence_escaped()
    {
        var text = (await RunWithPack()).Out;
        text.ShouldContain(@"Injected \e]0;pwned\a </details>");                     // OSC 0 in the title
        text.ShouldContain(@"\e]8;;http://evil.example/\e\click\e]8;;\e\");         // OSC-8 hyperlink
        text.ShouldContain(@"bell\a");
        text.ShouldContain(@"\u202Eevil\u202C");                                      // bidi override
    }

    [Fact]
    public async Task A_command_that_hides_part_of_itself_is_flagged_and_shown_escaped_and_normal_commands_are_exact()
    {
        var lines = (await RunWithPack()).Out.Split('\n');
        int command = Array.FindIndex(lines, l => l.TrimStart().StartsWith("rm -rf /tmp/nd-victim", StringComparison.Ordinal));
        command.ShouldBeGreaterThan(0, string.Join('\n', lines));
        // The CR cannot return to the line's start: the whole command is on its line, and the warning comes first.
        lines[command].Trim().ShouldBe(@"rm -rf /tmp/nd-victim\e[2K\recho harmless");
        lines[command - 1].Trim().ShouldBe(@"! not safe to paste: this command contains control or invisible characters, shown escaped (\e \r)");
        lines.Count(l => l.Contains("not safe to paste", StringComparison.Ordinal)).ShouldBe(1);

        // The built-in diagnosis' commands and the pack's backtick command are printed exactly, each on a line of its own.
        lines.ShouldContain(l => l.Trim() == "dhclient -v enp0s3");
        lines.ShouldContain(l => l.Trim() == HostileOutput.BacktickCommand);
    }

    [Fact]
    public async Task A_command_built_from_bundle_content_is_flagged()
    {
        var text = (await Cli.RunAt(1000, "run", "--bundle", _hostile.Bundle)).Out;      // wide: the quoted log line on one line
        text.ShouldContain("! not safe to paste: this command contains control or invisible characters, shown escaped (\\e \\a)");
        text.ShouldContain(@"dhclient -v enp0s3\e]8;;http://evil.example/\a");
        text.ShouldContain(@"e.g. dial tcp 10.96.0.1:443: connect: network is unreachable \e]0;pwned\a \e]8;;http://evil.example/\e\click");
        text.ShouldContain(@"calico-node-7kvkf\e]0;pwned\a.log:5");                 // a file name, in every source
    }

    [Fact]
    public async Task Markdown_renders_untrusted_strings_as_text()
    {
        var md = (await RunWithPack("--format", "markdown")).Out;
        string prose = Regex.Replace(md, "(?ms)^ *(`{3,}).*?^ *\\1$", "");        // outside the fenced commands
        prose.ShouldNotContain("<");                                                  // no raw HTML: </details>, <img onerror>
        md.ShouldContain("&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt;");
        md.ShouldContain(@"\[x\](javascript:alert(1))");                             // not a link
        md.ShouldNotContain("\n# heading");
        md.ShouldContain("\n\\# heading");
        md.ShouldContain("\n\\| pipe \\| row");
        md.ShouldContain("\n1\\. list");
        // Lines that start a heading or a table are ours: the report title, one heading per diagnosis, the evidence tables.
        md.Split('\n').Where(l => l.StartsWith('#')).ShouldAllBe(l => l == "# NetDoctor report" || l.StartsWith("## CRITICAL: ") || l.StartsWith("## WARNING: ") || l == "## Input problems");
        string[] evidenceTypes = ["RoutingTable", "ServiceNetwork", "LogEvent", "Route", "NetworkLink"];
        md.Split('\n').Where(l => l.StartsWith('|')).ShouldAllBe(l => l.StartsWith("| evidence |") || l.StartsWith("|---|") || evidenceTypes.Any(t => l.StartsWith($"| {t} |")));
        md.ShouldContain(@"## WARNING: Injected \\e\]0;pwned\\a &lt;/details&gt;");

        // Commands: escaped and flagged when unsafe; a backtick run inside gets a longer fence.
        md.ShouldContain("**Not safe to paste:**");
        md.ShouldContain("  ```\n  rm -rf /tmp/nd-victim\\e[2K\\recho harmless\n  ```");
        md.ShouldContain("  `````\n  echo ````done````\n  `````");
    }

    [Fact]
    public async Task Markdown_code_spans_outlast_backtick_runs_in_bundle_names()
    {
        var md = (await Cli.Run("run", "--bundle", _hostile.Bundle, "--format", "markdown")).Out;
        md.ShouldContain(@"`admin/kube-system/calico-node-7kvkf\e]0;pwned\a.log:5`");
        md.ShouldContain(@"enp0s3\\e\]8;;http://evil.example/\\a");                 // prose: the notation's backslash escaped for Markdown
    }

    [Fact]
    public async Task Github_annotations_cannot_be_split_or_forged()
    {
        var result = await RunWithPack("--format", "github");
        var lines = result.Out.TrimEnd().Split('\n');
        // One line per annotation and the summary: the message's line breaks are %0A, so "# heading" starts no line.
        lines.Where(l => !l.StartsWith("::", StringComparison.Ordinal)).ShouldHaveSingleItem().ShouldStartWith("netdoctor: 2 diagnoses");
        var injected = lines.Single(l => l.Contains("hostile/inject", StringComparison.Ordinal));
        injected.ShouldStartWith("::warning title=WARNING Injected \\e]0;pwned\\a </details><img src=x onerror=alert(1)> (hostile/inject on admin)::");
        injected.ShouldContain("%0A# heading%0A| pipe | row%0A");
        injected.ShouldContain(@"rm -rf /tmp/nd-victim\e[2K\recho harmless");
    }

    [Fact]
    public void Github_escaping_keeps_data_and_properties_apart()
    {
        string line = NetDoctor.Packs.Vetting.Reporters.GitHubCommands.Annotation(
            "error", "100% done\r\n::error::forged\rx", "a,b::c.txt", 2, 0, "t::x,y\u001b]0;t\u0007");
        line.ShouldBe("::error file=a%2Cb%3A%3Ac.txt,line=2,title=t%3A%3Ax%2Cy\\e]0;t\\a::100%25 done%0A::error::forged\\rx");
    }

    [Fact]
    public async Task Vet_explain_and_packs_show_pack_strings_escaped()
    {
        foreach (string[] args in new string[][]
                 {
                     ["vet", _hostile.Pack], ["vet", _hostile.Pack, "--format", "github"],
                     ["explain", "hostile/inject", "--packs", _hostile.Pack], ["packs", "--packs", _hostile.Pack],
                 })
        {
            var result = await Cli.Run(args);
            HostileOutput.RawControls(result.Out).ShouldBeEmpty(string.Join(' ', args));
            result.Out.ShouldContain(@"\e]0;pwned\a", customMessage: string.Join(' ', args));
        }
        var explain = (await Cli.Run("explain", "hostile/inject", "--packs", _hostile.Pack)).Out;
        explain.ShouldContain("not safe to paste");
    }

    [Fact]
    public async Task Facts_show_bundle_strings_escaped()
    {
        var result = await Cli.Run("facts", "--bundle", _hostile.Bundle, "--type", "LogEvent");
        HostileOutput.RawControls(result.Out).ShouldBeEmpty();
        result.Out.ShouldContain(@"calico-node-7kvkf\e]0;pwned\a.log:5");
    }

    [Fact]
    public async Task Problems_on_stderr_show_bundle_file_names_escaped()
    {
        // A folder holding a bundle and another file: refused on stderr, naming the file.
        string folder = Path.Combine(_hostile.Directory, "folder");
        Directory.CreateDirectory(folder);
        Directory.Move(_hostile.Bundle, Path.Combine(folder, "incident"));
        File.WriteAllText(Path.Combine(folder, "notes" + HostileOutput.WindowTitle + ".txt"), "x");

        var result = await Cli.Run("run", "--bundle", folder);
        result.ExitCode.ShouldBe(2, result.ToString());
        result.Err.ShouldContain(@"notes\e]0;pwned\a.txt");
        HostileOutput.RawControls(result.Err).ShouldBeEmpty();
    }

    [Fact]
    public async Task Json_and_sarif_keep_the_exact_strings_escaped_by_their_own_syntax()
    {
        var json = await RunWithPack("--format", "json");
        json.Out.ShouldNotContain("\u001b");                                          // JSON writes \u001B
        var diagnosis = json.Json["diagnoses"]!.AsArray().Single(d => (string)d!["ruleId"]! == "hostile/inject")!;
        ((string)diagnosis["title"]!).ShouldBe(HostileOutput.Title);
        ((string)diagnosis["message"]!).ShouldBe(HostileOutput.Message);
        ((string)diagnosis["remediation"]![0]!["command"]!).ShouldBe(HostileOutput.HiddenCommand);

        var sarif = await RunWithPack("--format", "sarif");
        sarif.Out.ShouldNotContain("\u001b");
        var result = JsonNode.Parse(sarif.Out)!["runs"]![0]!["results"]!.AsArray().Single(r => (string)r!["ruleId"]! == "hostile/inject")!;
        ((string)result["message"]!["text"]!).ShouldStartWith(HostileOutput.Message);
        ((string)result["message"]!["text"]!).ShouldContain(HostileOutput.HiddenCommand);
    }

    [Fact]
    public void Colour_codes_are_the_only_escape_sequences_on_a_colour_terminal()
    {
        var output = new StringWriter();
        var canvas = new TextCanvas(output, new Terminal(80, Color: true));
        canvas.Line(HostileOutput.Title, Style.Bold);
        canvas.Line((HostileOutput.Title, Style.Dim), ("  node ", Style.None), (HostileOutput.InterfaceName, Style.Bold));
        canvas.Wrapped(HostileOutput.Message);
        canvas.Command(HostileOutput.HiddenCommand, "  ");
        new TextTable(new TextTable.Column("a"), new TextTable.Column("b", Wraps: true)).Row(HostileOutput.InterfaceName, HostileOutput.Message).Write(canvas);

        string withoutColour = Regex.Replace(output.ToString(), "\u001b\\[[0-9;]*m", "");
        output.ToString().ShouldContain("\u001b[1m");                                  // colour is on
        HostileOutput.RawControls(withoutColour).ShouldBeEmpty();
        withoutColour.ShouldContain(@"\e]0;pwned\a");
    }

    [Fact]
    public async Task Collect_never_prints_a_hostile_node_name_raw()
    {
        // collect only reads this machine (commands it cannot run are reported, not fatal). The collector turns the node
        // name into a safe folder name; what it prints about commands (their error text) goes through SafeText too.
        string output = Path.Combine(Path.GetTempPath(), "nd-collect-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = await Cli.Run("collect", "--no-cluster", "--node-name", "node\u001b]0;pwned\u0007[red]x[/]", "--output", output);
            HostileOutput.RawControls(result.Out).ShouldBeEmpty();
            result.Out.ShouldContain("Collected node node__0_pwned__red_x___ into");
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}
