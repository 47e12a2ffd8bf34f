namespace NetDoctor.Packs.Model;

/// <summary>`pack.yaml` (kind RulePack): who the pack is and which derived fact types it declares.</summary>
public sealed record PackDocument(
    string Name,
    string Version,
    string? Description,
    IReadOnlyList<string> Maintainers,
    IReadOnlyList<DerivedFactDeclaration> DerivedFacts,
    SourceMark Mark)
{
    /// <summary>`requires:`: packs this one builds on (their derived facts), by name with an optional version range.</summary>
    public IReadOnlyList<RequirementDeclaration> Requires { get; init; } = [];

    /// <summary>`csharp: { project: ... }`: the pack's C# project (NRules.Fluent rules), relative to the pack folder.</summary>
    public CSharpProjectDeclaration? CSharp { get; init; }
}

/// <summary>One `requires:` entry as written: `cluster`, or `{name: cluster, version: "^1.0"}`.</summary>
public sealed record RequirementDeclaration(string Name, string? Versions, SourceMark Mark);

/// <summary>`csharp.project` of pack.yaml: a .csproj path relative to the pack folder.</summary>
public sealed record CSharpProjectDeclaration(string Project, SourceMark Mark);

/// <summary>A fact type a pack's rules derive (`derivedFacts:` in pack.yaml), e.g. SnatExemptDestination.</summary>
public sealed record DerivedFactDeclaration(
    string Name,
    string? Description,
    IReadOnlyList<FieldDeclaration> Fields,
    SourceMark Mark);

/// <summary>One typed field of a derived fact type: `Destination: IPAddress`.</summary>
public sealed record FieldDeclaration(string Name, string TypeName, SourceMark Mark);
