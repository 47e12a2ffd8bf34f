using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Tests.TestFacts;

namespace NetDoctor.Packs.Tests;

/// <summary>
/// `requires:` in pack.yaml: a pack may build on another pack's derived facts; a missing pack, a version outside the
/// range and a cycle are load errors at the requirement's file:line:column, and the model exposes each pack's requirements.
/// </summary>
public sealed class RequiresTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("netdoctor-requires-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Pack(string name, string version, params string[] requires)
    {
        string dir = Path.Combine(_root, name);
        Directory.CreateDirectory(Path.Combine(dir, "rules"));
        File.WriteAllText(Path.Combine(dir, "pack.yaml"),
            $"apiVersion: netdoctor/v1\nkind: RulePack\nname: {name}\nversion: {version}\n" +
            (requires.Length == 0 ? "" : "requires:\n" + string.Concat(requires.Select(r => $"  - {r}\n"))));
        return dir;
    }

    [Fact]
    public void A_required_pack_that_is_not_loaded_is_an_error_at_its_line()
    {
        var packs = PackLoader.LoadAll([Pack("app", "1.0.0", "base")], TestCatalog.Instance);

        var error = packs.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(DiagnosticCodes.Requires);
        (error.Mark.RelativeFile, error.Mark.Line, error.Mark.Column).ShouldBe(("pack.yaml", 6, 5));
        error.Message.ShouldBe("pack 'app' requires pack 'base', which is not loaded (give its folder with --packs DIR)");
    }

    [Fact]
    public void A_misspelt_requirement_names_the_loaded_pack()
    {
        var packs = PackLoader.LoadAll([Pack("cluster", "1.0.0"), Pack("app", "1.0.0", "clustr")], TestCatalog.Instance);

        packs.Errors.ShouldHaveSingleItem().Message.ShouldBe("pack 'app' requires pack 'clustr', which is not loaded (did you mean 'cluster'?) (give its folder with --packs DIR)");
    }

    [Fact]
    public void A_cycle_is_an_error_at_the_requirement_that_closes_it()
    {
        var packs = PackLoader.LoadAll([Pack("a", "1.0.0", "b"), Pack("b", "1.0.0", "c"), Pack("c", "1.0.0", "a")], TestCatalog.Instance);

        var error = packs.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(DiagnosticCodes.Requires);
        error.Mark.File.ShouldBe(Path.Combine(_root, "c") + "/pack.yaml");
        error.Mark.Line.ShouldBe(6);
        error.Message.ShouldBe("requirement cycle: a -> b -> c -> a: packs cannot require each other");
    }

    [Fact]
    public void A_pack_that_requires_itself_is_an_error()
    {
        var packs = PackLoader.LoadAll([Pack("a", "1.0.0", "a")], TestCatalog.Instance);

        packs.Errors.ShouldHaveSingleItem().Message.ShouldBe("pack 'a' requires itself");
    }

    [Theory]
    [InlineData("\"^1.2\"", "1.4.0", true)]
    [InlineData("\"^1.2\"", "2.0.0", false)]
    [InlineData("\"~1.2.0\"", "1.2.9", true)]
    [InlineData("\"~1.2.0\"", "1.3.0", false)]
    [InlineData("\">=1.0.0 <2.0.0\"", "1.9.9", true)]
    [InlineData("\">=1.0.0 <2.0.0\"", "0.9.0", false)]
    [InlineData("\"1.0.0\"", "1.0.0", true)]
    [InlineData("\"*\"", "7.1.0", true)]
    [InlineData("\"^0.3\"", "0.4.0", false)]
    public void The_version_range_is_checked(string range, string version, bool accepted)
    {
        var packs = PackLoader.LoadAll([Pack("base", version), Pack("app", "1.0.0", $"{{name: base, version: {range}}}")], TestCatalog.Instance);

        if (accepted) packs.Errors.ShouldBeEmpty();
        else packs.Errors.ShouldHaveSingleItem().Message.ShouldBe($"pack 'app' requires base {range.Trim('"')}, but base {version} is loaded ({Path.Combine(_root, "base")}/pack.yaml)");
    }

    [Fact]
    public void An_unreadable_range_is_an_error()
    {
        var packs = PackLoader.LoadAll([Pack("base", "1.0.0"), Pack("app", "1.0.0", "{name: base, version: \"one\"}")], TestCatalog.Instance);

        packs.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("version range 'one' of required pack 'base' is not valid");
    }

    [Fact]
    public void The_model_exposes_what_a_pack_requires_so_dependants_can_be_found()
    {
        var packs = PackLoader.LoadAll([Pack("base", "1.2.0"), Pack("app", "1.0.0", "{name: base, version: \"^1.0\"}"), Pack("other", "1.0.0", "base")], TestCatalog.Instance);

        packs.Errors.ShouldBeEmpty();
        var app = packs.Packs.Single(p => p.Name == "app").Model;
        app.Requires.Select(r => r.ToString()).ShouldBe(["base ^1.0"]);
        packs.Packs.Where(p => p.Requires.Any(r => r.Name == "base")).Select(p => p.Name).Order().ShouldBe(["app", "other"]);
    }
}
