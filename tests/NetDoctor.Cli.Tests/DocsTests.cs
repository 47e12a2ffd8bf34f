using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NetDoctor.Cli.Tests;

/// <summary>What the README and CONTRIBUTING promise: links that stay in the repository, and a CI command that is green on the built-in packs and red on a broken one.</summary>
public partial class DocsTests
{
    [Theory]
    [InlineData("README.md")]
    [InlineData("CONTRIBUTING.md")]
    [InlineData("docs/output-formats.md")]
    [InlineData("docs/CONTRACTS.md")]
    [InlineData("docs/facts.md")]
    public void Relative_links_point_at_files_inside_the_repository(string document)
    {
        string path = Path.Combine(Repo.Root, document);
        foreach (Match link in MarkdownLink().Matches(File.ReadAllText(path)))
        {
            string target = link.Groups[1].Value.Split('#')[0];
            if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal)) continue;
            string full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, target));
            full.StartsWith(Repo.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal).ShouldBeTrue($"{document} links outside the repository: {target}");
            (File.Exists(full) || Directory.Exists(full)).ShouldBeTrue($"{document} links to a missing file: {target}");
        }
    }

    [Fact]
    public async Task The_contributing_CI_command_is_green_on_the_built_in_packs_and_red_on_a_broken_pack()
    {
        string line = File.ReadAllLines(Path.Combine(Repo.Root, "CONTRIBUTING.md")).Single(l => l.StartsWith("netdoctor vet ", StringComparison.Ordinal) && l.Contains("# CI", StringComparison.Ordinal));
        var args = line[..line.IndexOf('#')].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var dir = Directory.CreateTempSubdirectory("nd-ci-");
        try
        {
            // Run as written, from the repository root's point of view: relative paths are the checkout's.
            var green = Rooted(args, dir.FullName);
            var passed = await Cli.Run([.. green]);
            passed.ExitCode.ShouldBe(0, passed.ToString());
            string report = File.ReadAllText(Path.Combine(dir.FullName, "vet-junit.xml"));
            Schemas.ShouldBeValidJUnit(report, "the CI command's JUnit");
            XDocument.Parse(report).Descendants("failure").ShouldBeEmpty();

            using var broken = BrokenPack.Create();
            var failed = await Cli.Run([.. green, broken.Directory]);
            failed.ExitCode.ShouldBe(1, failed.ToString());
            report = File.ReadAllText(Path.Combine(dir.FullName, "vet-junit.xml"));
            Schemas.ShouldBeValidJUnit(report, "the CI command's JUnit on a broken pack");
            XDocument.Parse(report).Descendants("failure").ShouldContain(f => f.Value.Contains("Cidrr"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_readme_tour_shows_the_real_text_report()
    {
        const string command = "$ ./netdoctor run --bundle samples/incident-003-no-default-route\n";
        string readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        int start = readme.IndexOf(command, StringComparison.Ordinal) + command.Length;
        string shown = readme[start..readme.IndexOf("$ echo $?", start, StringComparison.Ordinal)];

        // What a redirected run prints (the default width), timing aside.
        var real = await Cli.RunAt(100, "run", "--bundle", Repo.Sample("incident-003-no-default-route"));
        Timing().Replace(shown.Trim(), "N ms.").ShouldBe(Timing().Replace(real.Out.Trim(), "N ms."));
    }

    [Fact]
    public async Task The_readme_cut_run_shows_real_lines_and_the_real_exit_code()
    {
        const string command = "$ ./netdoctor run --bundle samples/healthy-calico-ipip --max-facts 150\n";
        string readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        int start = readme.IndexOf(command, StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, "README.md shows a run cut by --max-facts");
        start += command.Length;
        int end = readme.IndexOf("$ echo $?\n", start, StringComparison.Ordinal);
        var shown = readme[start..end].Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var real = await Cli.RunAt(100, "run", "--bundle", Repo.Sample("healthy-calico-ipip"), "--max-facts", "150");

        // Abridged with "…" lines; every other line is the real one, in order (timing aside).
        var lines = Timing().Replace(real.Out, "N ms.").Split('\n').ToList();
        int at = 0;
        foreach (var line in shown.Where(l => l.Trim() != "…"))
        {
            int found = lines.FindIndex(at, l => l == Timing().Replace(line, "N ms."));
            found.ShouldBeGreaterThanOrEqualTo(0, $"README line not in the real output (after line {at}): {line}\n{real.Out}");
            at = found + 1;
        }
        readme[(end + "$ echo $?\n".Length)..].Split('\n')[0].ShouldBe(real.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_readme_shows_the_real_types_output()
    {
        const string command = "$ ./netdoctor types IpPool\n";
        string readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        int start = readme.IndexOf(command, StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, "README.md shows `./netdoctor types IpPool`");
        start += command.Length;
        string shown = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        var real = await Cli.RunAt(100, "types", "IpPool");
        shown.Trim().ShouldBe(real.Out.Trim());
    }

    /// <summary>Pack folders under the repository root, output files into <paramref name="outputDir"/>.</summary>
    private static List<string> Rooted(List<string> args, string outputDir)
    {
        var rooted = new List<string> { args[0] };   // the command
        for (int i = 1; i < args.Count; i++)
        {
            if (args[i].StartsWith("--output", StringComparison.Ordinal))
            {
                rooted.Add(args[i]);
                rooted.Add(Path.Combine(outputDir, args[++i]));
            }
            else
            {
                rooted.Add(args[i].StartsWith('-') ? args[i] : Path.Combine(Repo.Root, args[i]));
            }
        }
        return rooted;
    }

    [GeneratedRegex(@"\d+ ms\.")]
    private static partial Regex Timing();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
