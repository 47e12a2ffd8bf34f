using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Schema;

namespace NetDoctor.Packs.Tests;

/// <summary>Every pack document in the repository (built-in packs and this project's good fixture) conforms to the JSON Schema.</summary>
public class SchemaTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Engine.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root (Engine.sln) not found above " + AppContext.BaseDirectory);
    }

    public static TheoryData<string> PackDocuments()
    {
        var data = new TheoryData<string>();
        string root = RepoRoot();
        var packDirs = PackFolder.Discover(Path.Combine(root, "rulepacks"))
            .Append(Path.Combine(root, "tests", "NetDoctor.Packs.Tests", "Fixtures", "packs", "good"));
        foreach (string dir in packDirs)
        {
            var folder = PackFolder.Open(dir);
            foreach (string file in folder.RuleFiles.Concat(folder.TestFiles).Prepend(folder.ManifestPath))
                data.Add(Path.GetRelativePath(root, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PackDocuments))]
    public void Pack_document_conforms_to_its_schema(string relativePath)
    {
        string path = Path.Combine(RepoRoot(), relativePath);
        var file = new PackFile(relativePath, relativePath, File.ReadAllText(path));
        var kind = Path.GetFileName(path) == PackFolder.ManifestName ? DocumentKind.RulePack
            : relativePath.Replace('\\', '/').Contains("/tests/", StringComparison.Ordinal) ? DocumentKind.RuleTest : DocumentKind.Rule;
        var diagnostics = new List<PackDiagnostic>();

        var documents = YamlDocuments.Parse(file, diagnostics);
        foreach (var doc in documents) SchemaValidator.Validate(file, doc.RootNode, kind, diagnostics);

        diagnostics.ShouldBeEmpty();
        documents.ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(PackDocuments))]
    public void Pack_document_names_its_schema_for_editors(string relativePath)
    {
        string path = Path.Combine(RepoRoot(), relativePath);
        string first = File.ReadLines(path).First();

        first.ShouldStartWith("# yaml-language-server: $schema=");
        string schema = first["# yaml-language-server: $schema=".Length..].Trim();
        File.Exists(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, schema))).ShouldBeTrue($"{schema} does not exist relative to {relativePath}");
    }

    [Fact]
    public void Shipped_schemas_are_the_ones_in_rulepacks_schema()
    {
        foreach (var kind in Enum.GetValues<DocumentKind>())
            SchemaValidator.SchemaText(kind).ShouldBe(File.ReadAllText(Path.Combine(RepoRoot(), "rulepacks", "schema", DocumentKinds.SchemaFile(kind))));
    }
}
