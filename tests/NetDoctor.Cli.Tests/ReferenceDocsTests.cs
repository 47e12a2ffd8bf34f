namespace NetDoctor.Cli.Tests;

/// <summary>
/// docs/facts.md and docs/functions.md are `netdoctor types --format markdown` (and `--functions`) for the built-in packs,
/// checked in so they can be read on the web. NETDOCTOR_UPDATE_DOCS=1 rewrites them; otherwise a difference fails.
/// </summary>
public class ReferenceDocsTests
{
    private const string Regenerate = "NETDOCTOR_UPDATE_DOCS=1 dotnet test tests/NetDoctor.Cli.Tests --filter ReferenceDocsTests";

    [Theory]
    [InlineData("facts.md")]
    [InlineData("functions.md")]
    public async Task Reference_doc_is_current(string file)
    {
        var result = file == "facts.md"
            ? await Cli.Run("types", "--format", "markdown")
            : await Cli.Run("types", "--functions", "--format", "markdown");
        result.ExitCode.ShouldBe(0, result.ToString());
        string generated = result.Out.ReplaceLineEndings("\n");
        string path = Path.Combine(Repo.Root, "docs", file);

        if (Environment.GetEnvironmentVariable("NETDOCTOR_UPDATE_DOCS") == "1")
        {
            await File.WriteAllTextAsync(path, generated);
            return;
        }
        File.Exists(path).ShouldBeTrue($"docs/{file} is missing: run {Regenerate}");
        (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n").ShouldBe(generated, $"docs/{file} is not what this build produces: run {Regenerate} and commit it");
    }

    [Fact]
    public async Task Facts_md_lists_every_type_the_command_lists()
    {
        var json = await Cli.Run("types", "--format", "json");
        string doc = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "docs", "facts.md"));

        foreach (var type in json.Json["types"]!.AsArray())
            doc.ShouldContain($"\n### {(string)type!["name"]!}\n");
    }
}
