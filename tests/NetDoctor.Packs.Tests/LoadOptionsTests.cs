using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Tests.TestFacts;

namespace NetDoctor.Packs.Tests;

public class LoadOptionsTests
{
    [Fact]
    public void Without_schema_validation_a_valid_pack_loads_the_same_rules()
    {
        var fast = PackLoader.LoadAll([Fixtures.Pack("good")], new PackLoadOptions(TestCatalog.Instance, ValidateSchema: false, LoadTests: false));
        var full = PackLoader.Load(Fixtures.Pack("good"), TestCatalog.Instance);

        fast.Diagnostics.ShouldBeEmpty();
        fast.Rules.Select(r => r.Id).ShouldBe(full.Rules.Select(r => r.Id));
        fast.Packs[0].Tests.ShouldBeEmpty();
    }

    [Fact]
    public void Without_schema_validation_a_malformed_document_is_an_error_not_an_exception()
    {
        string dir = Path.Combine(Path.GetTempPath(), "nd-packs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "rules"));
        try
        {
            File.WriteAllText(Path.Combine(dir, "pack.yaml"), "apiVersion: netdoctor/v1\nkind: RulePack\nname: m\nversion: 1.0.0\n");
            File.WriteAllText(Path.Combine(dir, "rules", "a.yaml"), "apiVersion: netdoctor/v1\nkind: Rule\nid: m/no-then\ntitle: t\nwhen:\n  - fact: IpPool\n");
            File.WriteAllText(Path.Combine(dir, "rules", "b.yaml"), "apiVersion: netdoctor/v1\nkind: RuleTest\nrule: m/x\n");

            var packs = PackLoader.LoadAll([dir], new PackLoadOptions(TestCatalog.Instance, ValidateSchema: false));

            packs.Errors.Select(e => $"{e.Mark.RelativeFile}:{e.Mark.Line}: {e.Message}").ShouldBe([
                "rules/a.yaml:1: document does not match rule.schema.json; run `netdoctor vet` on the pack for the exact problem",
                "rules/b.yaml:1: expected a document of kind Rule, found 'RuleTest'",
            ]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
