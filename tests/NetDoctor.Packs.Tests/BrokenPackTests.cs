using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Tests.TestFacts;

namespace NetDoctor.Packs.Tests;

/// <summary>Each deliberately broken fixture pack yields exactly the error a pack author needs: text, code and file:line:column.</summary>
public class BrokenPackTests
{
    public static TheoryData<string, string, string, int, int, string> Errors => new()
    {
        { "unknown-field", DiagnosticCodes.TypeCheck, "rules/pool.yaml", 8, 39, "IpPool has no field 'Cidrr' (did you mean 'Cidr'?)" },
        { "unknown-field", DiagnosticCodes.UnknownType, "rules/pool.yaml", 9, 11, "unknown fact type 'NodeAdress' (did you mean 'NodeAddress'?)" },
        { "wrong-type", DiagnosticCodes.TypeCheck, "rules/pool.yaml", 9, 9, "condition 'pool.Name' must be true or false, but it is string" },
        { "wrong-type", DiagnosticCodes.TypeCheck, "rules/pool.yaml", 14, 13, "field 'Pool' of Exempt is string, but 'pool.Cidr' is Cidr" },
        { "syntax-error", DiagnosticCodes.YamlSyntax, "rules/pool.yaml", 8, 12, "YAML syntax error: the text after this point does not parse (an unclosed '[', '{' or quote?)" },
        { "syntax-error", DiagnosticCodes.TypeCheck, "rules/expression.yaml", 8, 33, "cannot parse 'pool.NatOutgoing &&': Expression expected" },
        { "duplicate-id", DiagnosticCodes.DuplicateId, "rules/b.yaml", 3, 5, "duplicate rule id 'duplicate-id/same' (first defined at {pack}/rules/a.yaml:3:5)" },
        { "missing-remediation", DiagnosticCodes.MissingRemediation, "rules/pool.yaml", 11, 5, "rule 'missing-remediation/no-fix' has severity error but no remediation: add diagnose.remediation with at least one step" },
        { "file-access", DiagnosticCodes.Sandbox, "rules/pool.yaml", 8, 14, "'System.IO.File' is not available in rule expressions: only bindings, fact types and the helpers Net, Text and Regex can be used" },
        { "reflection", DiagnosticCodes.Sandbox, "rules/pool.yaml", 8, 19, "'GetType' is not allowed in rule expressions (no reflection)" },
        { "reflection", DiagnosticCodes.Sandbox, "rules/pool.yaml", 11, 30, "'GetType' is not allowed in rule expressions (no reflection)" },
        { "schema-errors", DiagnosticCodes.IdFormat, "rules/pool.yaml", 3, 1, "rule id 'Schema_Errors/Bad' must be 'pack/kebab-name' (lowercase letters, digits and dashes, e.g. calico/bgp-session-down)" },
        { "schema-errors", DiagnosticCodes.Schema, "rules/pool.yaml", 5, 1, "'fatal' is not a valid severity: expected info, warning, error, critical" },
        { "schema-errors", DiagnosticCodes.Schema, "rules/pool.yaml", 9, 5, "unknown field 'wehre' in 'when[0]' (did you mean 'where'?)" },
        { "schema-errors", DiagnosticCodes.Schema, "rules/pool.yaml", 10, 5, "'when[1]' has both 'fact' and 'not'; it must have exactly one of: fact, not, exists, collect, count, groupBy, forall" },
        { "template-errors", DiagnosticCodes.TypeCheck, "rules/pool.yaml", 10, 28, "IpPool has no field 'Nmae' (did you mean 'Name'?)" },
        { "template-errors", DiagnosticCodes.TypeCheck, "rules/pool.yaml", 10, 48, "unknown name 'addr'; bindings in scope: pool" },
        { "template-errors", DiagnosticCodes.TypeCheck, "rules/pool.yaml", 11, 22, "evidence names unknown binding 'adr'" },
        { "template-errors", DiagnosticCodes.Template, "rules/pool.yaml", 13, 28, "'{{' without a closing '}}'" },
        { "lint-warnings", DiagnosticCodes.IdPrefix, "rules/pool.yaml", 3, 5, "rule id 'other-pack/unused-binding' must start with the pack name: 'lint-warnings/unused-binding'" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Broken_pack_reports_the_error_where_it_is(string pack, string code, string file, int line, int column, string message)
    {
        string dir = Fixtures.Pack(pack);
        var packs = PackLoader.Load(dir, TestCatalog.Instance);

        var found = packs.Diagnostics.Where(d => d.Mark.RelativeFile == file && d.Mark.Line == line && d.Mark.Column == column).ToList();
        found.Select(d => d.Message).ShouldContain(message.Replace("{pack}", dir), $"all: {string.Join(" | ", packs.Diagnostics)}");
        var diagnostic = found.First(d => d.Message == message.Replace("{pack}", dir));
        diagnostic.Code.ShouldBe(code);
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        diagnostic.ToString().ShouldBe($"{dir}/{file}:{line}:{column}: {message.Replace("{pack}", dir)}");
        packs.HasErrors.ShouldBeTrue();
    }

    [Theory]
    [InlineData("unknown-field", 2)]
    [InlineData("wrong-type", 2)]
    [InlineData("syntax-error", 2)]
    [InlineData("file-access", 1)]
    [InlineData("reflection", 2)]
    [InlineData("schema-errors", 4)]
    [InlineData("template-errors", 4)]
    public void Broken_pack_reports_nothing_else_and_keeps_no_broken_rule(string pack, int errors)
    {
        var packs = PackLoader.Load(Fixtures.Pack(pack), TestCatalog.Instance);

        packs.Errors.Count().ShouldBe(errors, string.Join(" | ", packs.Diagnostics));
        packs.Rules.ShouldBeEmpty();
    }

    [Fact]
    public void Unused_binding_is_a_warning_not_an_error()
    {
        var packs = PackLoader.Load(Fixtures.Pack("lint-warnings"), TestCatalog.Instance);

        var warning = packs.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ShouldHaveSingleItem();
        warning.Code.ShouldBe(DiagnosticCodes.UnusedBinding);
        warning.Mark.Line.ShouldBe(9);
        warning.Message.ShouldBe("binding 'route' is never used (not in a condition, template, derived field or the evidence)");
        packs.Rules.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_missing_pack_folder_is_one_clear_error()
    {
        var packs = PackLoader.LoadAll(["/nonexistent/packs"], TestCatalog.Instance);

        packs.Errors.ShouldHaveSingleItem().Message.ShouldBe("pack folder '/nonexistent/packs' does not exist");
    }

    [Fact]
    public void Derived_type_with_unknown_field_type_or_taken_name_is_reported()
    {
        string dir = Path.Combine(Path.GetTempPath(), "nd-packs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "pack.yaml"), """
                apiVersion: netdoctor/v1
                kind: RulePack
                name: decl
                version: 1.0.0
                derivedFacts:
                  - name: Exempt
                    fields: {Pool: strin, Node: string}
                  - name: IpPool
                    fields: {X: int}
                """);
            var packs = PackLoader.Load(dir, TestCatalog.Instance);

            packs.Errors.Select(e => e.Message).ShouldBe([
                "unknown field type 'strin' for Exempt.Pool (did you mean 'string'?); use string, int, long, bool, double, Cidr, IPAddress, a fact type, T? or T[]",
                "field name 'Node' is reserved (every derived fact has Pack, TypeName, Node, Fields, Summary)",
                $"derived fact type 'IpPool' has the name of an existing fact type ({typeof(IpPool).FullName})",
            ], ignoreOrder: true);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
