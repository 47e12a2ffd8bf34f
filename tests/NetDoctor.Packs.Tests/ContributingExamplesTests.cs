namespace NetDoctor.Packs.Tests;

/// <summary>
/// CONTRIBUTING.md shows let, outcomes, forall and exact test expectations with documents of the language fixture pack,
/// quoted exactly; <see cref="LanguageTests"/> vets that pack on both runtimes, so the examples compile and pass.
/// </summary>
public class ContributingExamplesTests
{
    [Theory]
    [InlineData("rules/lets.yaml", 0)]
    [InlineData("rules/outcomes.yaml", 0)]
    [InlineData("rules/forall.yaml", 0)]
    [InlineData("tests/lets.yaml", 0)]
    [InlineData("tests/lets.yaml", 3)]
    public void Contributing_quotes_the_language_fixture_pack(string file, int document)
    {
        string text = File.ReadAllText(Path.Combine(Fixtures.Pack("language"), file)).ReplaceLineEndings("\n");
        string quoted = string.Join("\n", text.Split("\n---\n")[document].Split('\n').Where(l => !l.StartsWith("# yaml-language-server", StringComparison.Ordinal))).Trim('\n');

        Contributing().ShouldContain(quoted, customMessage: $"CONTRIBUTING.md must quote document {document} of Fixtures/packs/language/{file} as it is");
    }

    private static string Contributing()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "CONTRIBUTING.md");
            if (File.Exists(path)) return File.ReadAllText(path).ReplaceLineEndings("\n");
        }
        throw new FileNotFoundException("CONTRIBUTING.md not found above " + AppContext.BaseDirectory);
    }
}
