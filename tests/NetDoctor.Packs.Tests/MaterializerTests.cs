using NetDoctor.Packs.Loading;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Testing;
using NetDoctor.Packs.Tests.TestFacts;
using NetDoctor.Packs.Types;
using YamlDotNet.RepresentationModel;

namespace NetDoctor.Packs.Tests;

/// <summary>Inline test facts are built from YAML by type name and field names, with clear errors at the field.</summary>
public class MaterializerTests
{
    private static readonly FactTypeCatalog Catalog = TestCatalog.Instance.With(typeof(BgpSession));
    private static readonly PackFile File = new("pack/tests/t.yaml", "tests/t.yaml", "");

    private static object Create(string type, string fieldsYaml, string? node = null)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(fieldsYaml));
        var fields = (YamlMappingNode)stream.Documents[0].RootNode;
        return new FactMaterializer(Catalog, File).Create(new GivenFact(type, File.At(fields), node, fields, new SourceMark(File.DisplayPath, File.RelativePath, 12, 7)));
    }

    [Fact]
    public void Builds_positional_records_with_nested_lists_dictionaries_enums_and_nullables()
    {
        var fact = Create("BgpSession", """
            peer: 10.0.0.2
            state: established
            hops: [{gateway: 10.0.0.1, weight: 2}]
            holdTime: 90
            network: 10.0.0.0/24
            options: {passive: "on"}
            tags: [mesh]
            """, node: "k8s01").ShouldBeOfType<BgpSession>();

        fact.Peer.ShouldBe("10.0.0.2");
        fact.State.ShouldBe(PeerState.Established);
        fact.Hops.ShouldHaveSingleItem().ShouldBe(new Hop(System.Net.IPAddress.Parse("10.0.0.1"), 2));
        fact.HoldTime.ShouldBe(90);
        fact.Network.ShouldBe(NetDoctor.Facts.Cidr.Parse("10.0.0.0/24"));
        fact.Options["passive"].ShouldBe("on");
        fact.Tags.ShouldBe(["mesh"]);
        fact.Node.ShouldBe("k8s01");
        fact.Source.ShouldBe(new NetDoctor.Facts.Source("tests/t.yaml", 12));
    }

    [Fact]
    public void Missing_fields_get_defaults()
    {
        var fact = Create("BgpSession", "peer: p").ShouldBeOfType<BgpSession>();

        fact.State.ShouldBe(PeerState.Idle);
        fact.Hops.ShouldBeEmpty();
        fact.HoldTime.ShouldBeNull();
    }

    [Theory]
    [InlineData("IpPol", "name: x", "unknown fact type 'IpPol' (did you mean 'IpPool'?)")]
    [InlineData("IpPool", "nmae: x", "IpPool has no field 'nmae' (did you mean 'Name'?); fields are written as their C# names, either case (`netdoctor types IpPool` lists its fields)")]
    [InlineData("IpPool", "cidr: 10.0.0.0/33", "'10.0.0.0/33' is not a valid Cidr: '10.0.0.0/33' is not an IP address or CIDR")]
    [InlineData("IpPool", "natOutgoing: maybe", "'maybe' is not a valid Boolean: String 'maybe' was not recognized as a valid Boolean.")]
    [InlineData("BgpSession", "state: Up", "'Up' is not a PeerState: expected one of Idle, Established")]
    [InlineData("BgpSession", "peer: [a, b]", "a String cannot be written as a YAML list")]
    public void Bad_inline_fact_names_the_problem(string type, string fields, string message) =>
        Should.Throw<MaterializeException>(() => Create(type, fields)).Message.ShouldBe(message);

    /// <summary>The naming rule: `given` takes a field as its C# name or as its JSON (camelCase) name.</summary>
    [Theory]
    [InlineData("Name: pool-a\nCidr: 10.0.0.0/16\nNatOutgoing: true")]
    [InlineData("name: pool-a\ncidr: 10.0.0.0/16\nnatOutgoing: true")]
    public void Given_accepts_the_csharp_and_the_json_spelling(string fields)
    {
        var pool = Create("IpPool", fields).ShouldBeOfType<IpPool>();

        pool.Name.ShouldBe("pool-a");
        pool.Cidr.ShouldBe(NetDoctor.Facts.Cidr.Parse("10.0.0.0/16"));
        pool.NatOutgoing.ShouldBeTrue();
    }

    [Theory]
    [InlineData("summary: x")]
    [InlineData("Summary: x")]
    public void Given_rejects_a_computed_field_saying_what_can_be_set(string fields) =>
        Should.Throw<MaterializeException>(() => Create("IpPool", fields)).Message.ShouldBe(
            "IpPool.Summary is computed from the other fields and cannot be set in a test; set Cidr, Disabled, Name, NatOutgoing, Node (`netdoctor types IpPool` lists its fields)");

    [Fact]
    public void Given_rejects_the_source_because_it_is_the_test_line() =>
        Should.Throw<MaterializeException>(() => Create("IpPool", "source: a.txt:3")).Message
            .ShouldBe("IpPool.Source cannot be set in a test: an inline fact's source is its line in the test file");

    [Fact]
    public void Suggestions_need_a_close_name()
    {
        DidYouMean.Hint("Cidrr", ["Cidr", "Name"]).ShouldBe(" (did you mean 'Cidr'?)");
        DidYouMean.Hint("Nmae", ["Cidr", "Name"]).ShouldBe(" (did you mean 'Name'?)");
        DidYouMean.Hint("Gateway", ["Cidr", "Name"]).ShouldBe("");
    }
}
