using System.Xml.Linq;

namespace NetDoctor.Cli.Tests;

/// <summary>Several formats from one run: --format for stdout and --output-FORMAT FILE for each other one.</summary>
public class ExtraOutputTests
{
    [Fact]
    public async Task Vet_writes_junit_and_sarif_beside_the_text()
    {
        using var files = new TempFiles();
        string junit = files.Path("vet.xml"), sarif = files.Path("vet.sarif");
        var result = await Cli.Run("vet", Path.Combine(Repo.Root, "rulepacks"), "--output-junit", junit, "--output-sarif", sarif);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("vet passed");
        Schemas.ShouldBeValidJUnit(File.ReadAllText(junit), "vet --output-junit");
        Schemas.ShouldBeValidSarif(File.ReadAllText(sarif), "vet --output-sarif");
        XDocument.Load(junit).Descendants("testcase").Count().ShouldBeGreaterThan(80);
    }

    [Fact]
    public async Task Run_writes_sarif_junit_and_json_beside_the_text()
    {
        using var files = new TempFiles();
        string sarif = files.Path("run.sarif"), junit = files.Path("run.xml"), json = files.Path("run.json");
        var result = await Cli.Run("run", "--bundle", Repo.Sample("incident-000-ippool-overlap"), "--explain",
            "--output-sarif", sarif, "--output-junit", junit, "--output-json", json);

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldContain("── CRITICAL");
        Schemas.ShouldBeValidSarif(File.ReadAllText(sarif), "run --output-sarif");
        File.ReadAllText(sarif).ShouldContain("relatedLocations");
        Schemas.ShouldBeValidJUnit(File.ReadAllText(junit), "run --output-junit");
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(json))!["diagnoses"]!.AsArray().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task An_output_file_that_cannot_be_written_is_a_usage_error_naming_the_option()
    {
        var result = await Cli.Run("vet", Path.Combine(Repo.Root, "rulepacks", "node"), "--output-junit", "/nonexistent/dir/vet.xml");
        result.ExitCode.ShouldBe(2);
        result.Err.ShouldContain("--output-junit /nonexistent/dir/vet.xml");
    }

    private sealed class TempFiles : IDisposable
    {
        private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("nd-out-");

        public string Path(string name) => System.IO.Path.Combine(_dir.FullName, name);

        public void Dispose() => _dir.Delete(recursive: true);
    }
}
