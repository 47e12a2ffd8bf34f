namespace NetDoctor.Cli.Tests;

/// <summary>`--format github`: GitHub Actions workflow commands, escaped the way the runner unescapes them.</summary>
public class GitHubFormatTests
{
    [Fact]
    public async Task Run_writes_one_annotation_per_diagnosis_at_its_evidence_file_with_the_fix()
    {
        var json = await Cli.Run("run", "--bundle", Repo.Sample("incident-001-bgp-stray-interface"), "--format", "json");
        var result = await Cli.Run("run", "--bundle", Repo.Sample("incident-001-bgp-stray-interface"), "--format", "github");
        result.ExitCode.ShouldBe(1);

        var annotations = result.Out.Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        annotations.Count(a => a.StartsWith("::error ", StringComparison.Ordinal)).ShouldBe(json.Json["diagnoses"]!.AsArray().Count);
        var session = annotations.First(a => a.Contains("bgp-session-down on k8s01"));
        session.ShouldContain("file=");
        session.ShouldContain("k8s01/bird-protocols.txt,line=8");
        // Commands survive: newlines become %0A, and the property values escape ':' and ','.
        session.ShouldContain("%0A    nc -zv -w 3 192.188.1.1 179");
        session[(session.IndexOf("::", 2, StringComparison.Ordinal) + 2)..].ShouldNotContain("\n");
        session[..session.IndexOf("::", 2, StringComparison.Ordinal)].ShouldContain("title=ERROR Calico BGP session not Established (calico/bgp-session-down on k8s01)");
        result.Out.TrimEnd().Split('\n').Last().ShouldStartWith("netdoctor: 3 diagnoses");
    }

    [Fact]
    public async Task Vet_annotates_each_error_at_its_line_and_column()
    {
        using var broken = BrokenPack.Create();
        var result = await Cli.Run("vet", broken.Directory, "--format", "github");
        result.ExitCode.ShouldBe(1);
        var typeCheck = result.Out.Split('\n').Single(l => l.Contains("title=vet type-check"));
        typeCheck.ShouldStartWith("::error file=");
        typeCheck.ShouldContain("rules/typo.yaml,line=10,col=");
        result.Out.ShouldContain("vet FAILED");

        var good = await Cli.Run("vet", Path.Combine(Repo.Root, "rulepacks", "node"), "--format", "github");
        good.ExitCode.ShouldBe(0);
        good.Out.ShouldNotContain("::error");
    }

    [Theory]
    [InlineData("a%b\r\nc", "a%25b%0D%0Ac")]
    [InlineData("plain", "plain")]
    public void Messages_are_escaped_as_the_runner_expects(string message, string escaped) =>
        NetDoctor.Packs.Vetting.Reporters.GitHubCommands.EscapeData(message).ShouldBe(escaped);

    [Fact]
    public void Property_values_also_escape_colons_and_commas() =>
        NetDoctor.Packs.Vetting.Reporters.GitHubCommands.Annotation("warning", "m", "dir/a,b:c.txt", 3, 0, "t: x, y")
            .ShouldBe("::warning file=dir/a%2Cb%3Ac.txt,line=3,title=t%3A x%2C y::m");
}
