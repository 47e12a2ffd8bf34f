using YamlDotNet.RepresentationModel;

namespace NetDoctor.Packs.Model;

/// <summary>One `kind: RuleTest` document: given facts (inline or a fixture bundle), run the loaded rules, expect things of one rule.</summary>
public sealed record RuleTestDocument(
    string Name,
    string Rule,
    SourceMark RuleMark,
    IReadOnlyList<GivenFact> Facts,
    string? Bundle,
    TestExpectation Expect,
    SourceMark Mark);

/// <summary>An inline fact: type name, optional node, and its fields as YAML (bound to the CLR type when the test runs).</summary>
public sealed record GivenFact(string Type, SourceMark TypeMark, string? Node, YamlMappingNode? Fields, SourceMark Mark);

/// <summary>What must hold after firing. Unset members are not checked.</summary>
public sealed record TestExpectation(bool? Fired, int? Count, string? MessageContains, IReadOnlyList<string> EvidenceIncludes, string? RemediationContains = null)
{
    /// <summary>A test that expects the rule to fire at least once.</summary>
    public bool ExpectsFiring => Fired == true || Count is > 0;

    /// <summary>A test that expects the rule not to fire.</summary>
    public bool ExpectsNoFiring => Fired == false || Count == 0;
}
