namespace NetDoctor.Engine.Tests;

public sealed class RuntimeSelectionTests
{
    [Theory]
    [InlineData("indexed", EngineKind.Indexed)]
    [InlineData("NRules", EngineKind.NRules)]
    [InlineData(" nrules ", EngineKind.NRules)]
    [InlineData("INDEXED", EngineKind.Indexed)]
    public void Engine_names_parse_without_regard_to_case(string text, EngineKind expected)
    {
        EngineKinds.Parse(text).ShouldBe(expected);
        EngineKinds.TryParse(text, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(expected);
    }

    [Theory]
    [InlineData("rete")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_engine_name_lists_the_choices(string? text)
    {
        EngineKinds.TryParse(text, out _).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => EngineKinds.Parse(text)).Message.ShouldContain("indexed, nrules");
    }

    [Fact]
    public void Names_round_trip()
    {
        foreach (var engine in Enum.GetValues<EngineKind>())
        {
            EngineKinds.Parse(EngineKinds.Name(engine)).ShouldBe(engine);
        }
        EngineKinds.Names.ShouldBe(["indexed", "nrules"]);
    }

    [Theory, Engines]
    public void Compile_picks_the_runtime(EngineKind engine)
    {
        Pool pool = null!;
        var rule = TestRule.Create("any", (when, then) =>
        {
            when.Match(() => pool);
            then.Do(ctx => ctx.Halt());
        });
        var factory = Engine.Factory(engine, rule);
        factory.Engine.ShouldBe(engine);
        factory.Rules.Single().Name.ShouldBe("any");
    }
}
