namespace NetDoctor.Cli.Tests;

/// <summary>
/// The field naming rule as a pack author meets it through `netdoctor vet`: a test's `given` takes the C# name or the
/// JSON (camelCase) name of a field, and a computed field or a misspelt one fails the test saying what to write instead.
/// </summary>
public sealed class GivenFieldNamingTests : IDisposable
{
    private readonly string _pack = Directory.CreateTempSubdirectory("nd-naming-").FullName;

    public GivenFieldNamingTests()
    {
        Directory.CreateDirectory(Path.Combine(_pack, "rules"));
        Directory.CreateDirectory(Path.Combine(_pack, "tests"));
        File.WriteAllText(Path.Combine(_pack, "pack.yaml"), """
            apiVersion: netdoctor/v1
            kind: RulePack
            name: naming
            version: 0.1.0
            """);
        File.WriteAllText(Path.Combine(_pack, "rules", "nat-pool.yaml"), """
            apiVersion: netdoctor/v1
            kind: Rule
            id: naming/nat-pool
            title: A natOutgoing pool
            when:
              - fact: IpPool
                as: pool
                where: ["pool.NatOutgoing"]
            then:
              diagnose:
                message: "pool {{ pool.Name }} {{ pool.Cidr }}"
            """);
    }

    private void Tests(string yaml) => File.WriteAllText(Path.Combine(_pack, "tests", "nat-pool.yaml"), yaml);

    private const string Header = """
        apiVersion: netdoctor/v1
        kind: RuleTest
        rule: naming/nat-pool
        """;

    [Fact]
    public async Task Given_takes_the_csharp_and_the_json_spelling()
    {
        Tests($"""
            {Header}
            name: csharp names
            given:
              facts:
                - type: IpPool
                  fields: {"{"}Name: pool-a, Cidr: 10.0.0.0/8, NatOutgoing: true{"}"}
            expect:
              fired: true
              messageContains: "pool pool-a 10.0.0.0/8"
            ---
            {Header}
            name: json names
            given:
              facts:
                - type: IpPool
                  fields: {"{"}name: pool-b, cidr: 10.1.0.0/16, natOutgoing: false{"}"}
            expect:
              fired: false
            """);

        var result = await Cli.Run("vet", _pack);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Out.ShouldContain("2/2 tests passed");
    }

    [Fact]
    public async Task A_computed_or_misspelt_field_fails_the_test_with_the_right_names()
    {
        Tests($"""
            {Header}
            name: computed field
            given:
              facts:
                - type: IpPool
                  fields: {"{"}Name: pool-a, Cidr: 10.0.0.0/8, Enabled: true{"}"}
            expect:
              fired: false
            ---
            {Header}
            name: misspelt field
            given:
              facts:
                - type: IpPool
                  fields: {"{"}Name: pool-a, Cidr: 10.0.0.0/8, natOutgoin: true{"}"}
            expect:
              fired: true
            """);

        var result = await Cli.Run("vet", _pack);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Out.ShouldContain("tests/nat-pool.yaml:8:");
        result.Out.ShouldContain("IpPool.Enabled is computed from the other fields and cannot be set in a test; set BlockSize, Cidr, Disabled, IpipMode, Name, NatOutgoing, Node, NodeSelector, VxlanMode (`netdoctor types IpPool` lists its fields)");
        result.Out.ShouldContain("IpPool has no field 'natOutgoin' (did you mean 'NatOutgoing'?); fields are written as their C# names, either case (`netdoctor types IpPool` lists its fields)");
    }

    public void Dispose() => Directory.Delete(_pack, recursive: true);
}
