using System.Text.Json.Nodes;

namespace NetDoctor.Cli.Tests;

/// <summary>
/// `netdoctor types`: the fact reference in text and JSON — a raw type, a YAML derived type of a pack given with --packs,
/// a C# derived type of the calico pack, an unknown type (exit 2), and the helper function table.
/// </summary>
public class TypesCommandTests
{
    private static readonly string DemoPack = Path.Combine(AppContext.BaseDirectory, "Fixtures", "packs", "reference-demo");

    private static JsonObject Field(JsonNode type, string name) =>
        type["fields"]!.AsArray().Select(f => f!.AsObject()).Single(f => (string)f["name"]! == name);

    [Fact]
    public async Task Json_describes_a_raw_type_with_both_spellings_and_what_a_test_may_set()
    {
        var result = await Cli.Run("types", "Route", "--format", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        var route = result.Json["types"]!.AsArray().ShouldHaveSingleItem()!;
        ((string)route["name"]!).ShouldBe("Route");
        ((string)route["kind"]!).ShouldBe("raw");
        ((string)route["declaredBy"]!["assembly"]!).ShouldBe("NetDoctor.Facts");
        route["declaredBy"]!["pack"].ShouldBeNull();
        ((string)route["description"]!).ShouldStartWith("One entry of a node's routing tables");

        var destination = Field(route, "Destination");
        ((string)destination["type"]!).ShouldBe("Cidr");
        ((string)destination["jsonName"]!).ShouldBe("destination");
        ((bool)destination["settable"]!).ShouldBeTrue();
        ((bool)destination["nullable"]!).ShouldBeFalse();

        var gateway = Field(route, "Gateway");
        ((string)gateway["type"]!).ShouldBe("IPAddress?");
        ((bool)gateway["nullable"]!).ShouldBeTrue();

        var isDefault = Field(route, "IsDefault");
        ((bool)isDefault["settable"]!).ShouldBeFalse();
        ((string)isDefault["jsonName"]!).ShouldBe("isDefault");
        ((bool)Field(route, "Source")["settable"]!).ShouldBeFalse();
    }

    [Fact]
    public async Task The_json_names_are_the_names_facts_json_writes()
    {
        var types = await Cli.Run("types", "IpPool", "--format", "json");
        var facts = await Cli.Run("facts", "--bundle", Repo.Sample("incident-000-ippool-overlap"), "--type", "IpPool", "--format", "json");

        var written = facts.Json["facts"]!.AsArray()[0]!["fields"]!.AsObject().Select(p => p.Key).ToHashSet();
        var listed = types.Json["types"]![0]!["fields"]!.AsArray().Select(f => (string)f!["jsonName"]!).ToHashSet();
        written.ShouldNotBeEmpty();
        written.ShouldBeSubsetOf(listed);
        // Nulls are written, not hidden: every field a rule can name is in the output.
        written.ShouldContain("blockSize");
        written.ShouldContain("nodeSelector");
    }

    [Fact]
    public async Task Text_shows_one_type_with_its_fields_and_the_naming_rule()
    {
        var result = await Cli.RunAt(160, "types", "IpPool");

        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.Out.Split('\n');
        lines[0].ShouldStartWith("IpPool  raw fact, NetDoctor.Facts");
        lines.ShouldContain(l => l.TrimStart().StartsWith("field ", StringComparison.Ordinal) && l.Contains("json") && l.Contains("given"));
        lines.Single(l => l.TrimStart().StartsWith("NatOutgoing ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe(["NatOutgoing", "bool", "natOutgoing", "yes"]);
        lines.Single(l => l.TrimStart().StartsWith("Enabled ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe(["Enabled", "bool", "enabled", "computed"]);
        result.Out.ShouldContain("JSON output uses the camelCase");
    }

    [Fact]
    public async Task A_yaml_derived_type_of_a_given_pack_is_listed_with_its_pack()
    {
        var json = await Cli.Run("types", "GatewayOutsideSubnet", "--packs", DemoPack, "--format", "json");

        json.ExitCode.ShouldBe(0, json.ToString());
        var type = json.Json["types"]![0]!;
        ((string)type["kind"]!).ShouldBe("derived");
        ((string)type["declaredBy"]!["pack"]!).ShouldBe("reference-demo");
        ((string)type["declaredBy"]!["source"]!).ShouldBe("pack.yaml:9");
        ((string)type["description"]!).ShouldBe("A route whose gateway is outside every subnet of its device.");
        type["fields"]!.AsArray().Select(f => $"{f!["name"]} {f["type"]} {f["jsonName"]} {f["settable"]}")
            .Take(4).ShouldBe(["Route Route route true", "Gateway IPAddress gateway true", "Subnets list<Cidr> subnets true", "Metric int? metric true"]);
        ((bool)Field(type, "Summary")["settable"]!).ShouldBeFalse();

        var list = await Cli.RunAt(200, "types", "--packs", DemoPack);
        list.ExitCode.ShouldBe(0, list.ToString());
        list.Out.Split('\n').ShouldContain(l => l.Contains("GatewayOutsideSubnet") && l.Contains("derived") && l.Contains("pack reference-demo (pack.yaml:9)"));
        (await Cli.Run("types")).Out.ShouldNotContain("GatewayOutsideSubnet");
    }

    [Fact]
    public async Task A_csharp_derived_type_is_listed_with_its_assembly_and_comments()
    {
        var json = await Cli.Run("types", "WrongBgpAddress", "--format", "json");

        json.ExitCode.ShouldBe(0, json.ToString());
        var type = json.Json["types"]![0]!;
        ((string)type["kind"]!).ShouldBe("derived");
        ((string)type["declaredBy"]!["assembly"]!).ShouldBe("NetDoctor.Rules.Calico");
        ((string)Field(type, "AffectedNode")["description"]!).ShouldBe("The node whose BGP address is wrong.");
        ((bool)Field(type, "AffectedNode")["settable"]!).ShouldBeTrue();
        ((bool)Field(type, "Summary")["settable"]!).ShouldBeFalse();

        var text = await Cli.RunAt(160, "types", "WrongBgpAddress");
        text.Out.Split('\n')[0].ShouldStartWith("WrongBgpAddress  derived fact, NetDoctor.Rules.Calico");
    }

    [Fact]
    public async Task The_list_names_raw_and_derived_types_of_the_built_in_packs()
    {
        var json = await Cli.Run("types", "--format", "json");

        json.ExitCode.ShouldBe(0, json.ToString());
        var kinds = json.Json["types"]!.AsArray().ToDictionary(t => (string)t!["name"]!, t => (string)t!["kind"]!);
        kinds["Route"].ShouldBe("raw");
        kinds["ServiceNetwork"].ShouldBe("derived");
        kinds["WrongBgpAddress"].ShouldBe("derived");
        kinds["Diagnosis"].ShouldBe("diagnosis");

        var text = await Cli.RunAt(200, "types");
        text.Out.ShouldContain($"{kinds.Count} fact types ({kinds.Values.Count(k => k == "raw")} raw, {kinds.Values.Count(k => k == "derived")} derived)");
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public async Task An_unknown_type_is_a_usage_error_with_a_suggestion(string format)
    {
        var result = await Cli.Run("types", "Rout", "--format", format);

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.Err.ShouldContain("no fact type 'Rout' (did you mean 'Route'?)");
    }

    [Fact]
    public async Task Functions_lists_the_helper_table_with_signatures()
    {
        var json = await Cli.Run("types", "--functions", "--format", "json");

        json.ExitCode.ShouldBe(0, json.ToString());
        var functions = json.Json["functions"]!.AsArray();
        var contains = functions.First(f => (string)f!["name"]! == "Net.Contains")!;
        contains["arguments"]!.AsArray().Select(a => $"{a!["name"]} {a["type"]}").ShouldBe(["network Cidr", "address IPAddress?"]);
        ((string)contains["result"]!).ShouldBe("bool");
        ((string)contains["category"]!).ShouldBe("net");
        contains["pack"].ShouldBeNull();
        ((string)functions.First(f => (string)f!["name"]! == "Calico.ProfileIngressChain")!["pack"]!).ShouldBe("calico");

        var text = await Cli.RunAt(200, "types", "--functions");
        text.Out.ShouldContain("Regex.Match(text string?, pattern string) string?");
        (await Cli.Run("types", "Route", "--functions")).ExitCode.ShouldBe(2);
    }
}
