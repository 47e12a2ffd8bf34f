using YamlDotNet.RepresentationModel;

namespace NetDoctor.Packs.Model;

/// <summary>One `kind: RuleTest` document: given facts (a fixture bundle, inline facts, or both), run the loaded rules, expect things of one rule.</summary>
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
    /// <summary>`diagnoses:`: exactly these diagnoses (null when the key is absent; empty means none).</summary>
    public IReadOnlyList<ExpectedDiagnosis>? Diagnoses { get; init; }

    /// <summary>`derives:`: exactly these derived facts of the tested rule (null when absent; empty means none).</summary>
    public IReadOnlyList<ExpectedDerivedFact>? Derives { get; init; }

    /// <summary>A test that expects the rule to fire at least once.</summary>
    public bool ExpectsFiring => Fired == true || Count is > 0 || Diagnoses is { Count: > 0 } || Derives is { Count: > 0 };

    /// <summary>A test that expects the rule not to fire.</summary>
    public bool ExpectsNoFiring => Fired == false || Count == 0 || Diagnoses is { Count: 0 } || Derives is { Count: 0 };
}

/// <summary>
/// One entry of `expect.diagnoses`. Unset members are not compared; <see cref="Rule"/> defaults to the tested rule.
/// A set member compares exactly (the message whole, not a substring); <see cref="MessageMatches"/> is a regex that
/// must match the whole message.
/// </summary>
public sealed record ExpectedDiagnosis(
    string? Rule,
    bool HasNode,
    string? Node,
    string? Severity,
    string? Title,
    string? Message,
    string? MessageMatches,
    IReadOnlyList<ExpectedStep>? Remediation,
    SourceMark Mark);

/// <summary>A remediation step as `expect.diagnoses[].remediation` lists it; a null command means the step has none.</summary>
public sealed record ExpectedStep(string Description, string? Command);

/// <summary>
/// One entry of `expect.derives`: a derived fact's type, optionally its node, and field values written as `facts`
/// shows them (an address or CIDR as text, a list as "[a, b]", "null" for no value). Fields not listed are not compared.
/// </summary>
public sealed record ExpectedDerivedFact(string Fact, bool HasNode, string? Node, IReadOnlyList<(string Name, string Value, SourceMark Mark)> Fields, SourceMark Mark);
