namespace NetDoctor.Cli.Tests;

/// <summary>A C# pack whose project does not compile: the compiler's errors are the pack's load errors, at pack.yaml's `project:` line.</summary>
[Collection(CSharpPackBuilds.Name)]
public sealed class ExternalCSharpPackBuildErrorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("netdoctor-broken-csharp-").FullName;

    public ExternalCSharpPackBuildErrorTests()
    {
        Environment.SetEnvironmentVariable("NETDOCTOR_CACHE_DIR", Path.Combine(_root, "cache"));
        Write("pack.yaml", "apiVersion: netdoctor/v1\nkind: RulePack\nname: broken\nversion: 0.1.0\ncsharp:\n  project: csharp/Broken/Broken.csproj\n");
        Write("csharp/Broken/Broken.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
            </Project>
            """);
        Write("csharp/Broken/Rule.cs", "namespace Broken;\npublic static class Oops\n{\n    public static int X() => 1\n}\n");
    }

    private string Pack => Path.Combine(_root, "broken");

    private void Write(string relative, string text)
    {
        string path = Path.Combine(Pack, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("NETDOCTOR_CACHE_DIR", null);
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task The_compiler_errors_are_reported_at_the_project_line_and_nothing_is_cached()
    {
        var result = await Cli.Run("vet", Pack, "--trust-csharp");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Out.ShouldContain("pack.yaml:6:12: error[csharp]: C# build of csharp/Broken/Broken.csproj failed: ", Case.Sensitive, result.ToString());
        result.Out.ShouldContain("Rule.cs(4,31): error CS1002: ; expected", Case.Sensitive, result.ToString());
        Directory.GetDirectories(Path.Combine(_root, "cache", "csharp-packs")).ShouldBeEmpty();
    }
}
