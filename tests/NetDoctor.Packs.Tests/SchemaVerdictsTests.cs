using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Schema;
using NetDoctor.Packs.Tests.TestFacts;

namespace NetDoctor.Packs.Tests;

/// <summary>
/// The schema verdict cache (issue 12): a file whose exact text passed validation is not validated again, anything
/// else is — so a load with verdicts reports exactly what a fresh validation reports.
/// </summary>
public sealed class SchemaVerdictsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "nd-verdicts-" + Guid.NewGuid().ToString("N"));

    private string Cache => Path.Combine(_root, "cache");

    private LoadedPacks Load(string pack) =>
        PackLoader.LoadAll([pack], new PackLoadOptions(TestCatalog.Instance, SchemaVerdicts: new SchemaVerdicts(Cache)));

    private string[] Entries() => Directory.Exists(Cache) ? [.. Directory.GetFiles(Cache).Order(StringComparer.Ordinal)] : [];

    [Fact]
    public void A_valid_pack_is_recorded_once_per_file_in_a_private_folder_and_loads_the_same_rules_from_its_verdicts()
    {
        var fresh = PackLoader.Load(Fixtures.Pack("good"), TestCatalog.Instance);

        var first = Load(Fixtures.Pack("good"));
        var recorded = Entries();
        var second = Load(Fixtures.Pack("good"));

        first.Diagnostics.ShouldBeEmpty();
        second.Diagnostics.ShouldBeEmpty();
        second.Rules.Select(r => r.Id).ShouldBe(fresh.Rules.Select(r => r.Id));
        second.Packs[0].Tests.Count.ShouldBe(fresh.Packs[0].Tests.Count);
        int files = 1 + Directory.GetFiles(Path.Combine(Fixtures.Pack("good"), "rules")).Length + Directory.GetFiles(Path.Combine(Fixtures.Pack("good"), "tests"), "*.yaml").Length;
        recorded.Length.ShouldBe(files);
        Entries().ShouldBe(recorded);
        foreach (string entry in recorded) File.ReadAllText(entry).ShouldBe(Path.GetFileName(entry));
        string routes = File.ReadAllText(Path.Combine(Fixtures.Pack("good"), "rules", "routes.yaml"));
        var verdicts = new SchemaVerdicts(Cache);
        verdicts.IsKnownValid(new PackFile("x", "rules/routes.yaml", routes), DocumentKind.Rule).ShouldBeTrue();
        verdicts.IsKnownValid(new PackFile("x", "rules/routes.yaml", routes), DocumentKind.RuleTest).ShouldBeFalse();
        verdicts.IsKnownValid(new PackFile("x", "rules/routes.yaml", routes + "\n# edited"), DocumentKind.Rule).ShouldBeFalse();
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(Cache).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public void An_invalid_file_is_never_recorded_and_reports_its_schema_error_on_every_load()
    {
        string pack = WritePack("rules/a.yaml", "apiVersion: netdoctor/v1\nkind: Rule\nid: v/a\ntitle: t\nseverty: error\nwhen:\n  - fact: IpPool\nthen:\n  diagnose:\n    message: m\n    remediation:\n      - description: d\n        command: c\n");

        var first = Load(pack);
        var second = Load(pack);

        first.Errors.Select(e => e.Message).ShouldContain(m => m.Contains("unknown field 'severty'"));
        second.Errors.Select(e => e.ToString()).ShouldBe(first.Errors.Select(e => e.ToString()));
        Entries().Length.ShouldBe(1); // pack.yaml alone
    }

    [Fact]
    public void An_edited_file_is_validated_again()
    {
        string pack = WritePack("rules/a.yaml", "apiVersion: netdoctor/v1\nkind: Rule\nid: v/a\ntitle: t\nwhen:\n  - fact: IpPool\nthen:\n  diagnose:\n    message: m\n    remediation:\n      - description: d\n        command: c\n");
        Load(pack).Errors.ShouldBeEmpty();

        File.WriteAllText(Path.Combine(pack, "rules", "a.yaml"), "apiVersion: netdoctor/v1\nkind: Rule\nid: v/a\ntitle: t\nseverty: error\nwhen:\n  - fact: IpPool\nthen:\n  diagnose:\n    message: m\n    remediation:\n      - description: d\n        command: c\n");

        Load(pack).Errors.Select(e => e.Message).ShouldContain(m => m.Contains("unknown field 'severty'"));
    }

    [Fact]
    public void A_damaged_entry_is_no_verdict_the_file_is_validated_and_the_entry_written_again()
    {
        string pack = WritePack("rules/a.yaml", "apiVersion: netdoctor/v1\nkind: Rule\nid: v/a\ntitle: t\nwhen:\n  - fact: IpPool\nthen:\n  diagnose:\n    message: m\n    remediation:\n      - description: d\n        command: c\n");
        Load(pack);
        foreach (string entry in Entries()) File.WriteAllText(entry, "garbage");

        Load(pack).Errors.ShouldBeEmpty();

        foreach (string entry in Entries()) File.ReadAllText(entry).ShouldBe(Path.GetFileName(entry));
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_created_costs_only_the_verdicts()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(Cache, "a file where the folder should be");

        var packs = Load(Fixtures.Pack("good"));

        packs.Diagnostics.ShouldBeEmpty();
        packs.Rules.ShouldNotBeEmpty();
    }

    private string WritePack(string file, string text)
    {
        string dir = Path.Combine(_root, "pack");
        Directory.CreateDirectory(Path.Combine(dir, "rules"));
        File.WriteAllText(Path.Combine(dir, "pack.yaml"), "apiVersion: netdoctor/v1\nkind: RulePack\nname: v\nversion: 1.0.0\n");
        File.WriteAllText(Path.Combine(dir, file), text);
        return dir;
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
