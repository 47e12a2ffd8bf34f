namespace NetDoctor.Packs.Model;

/// <summary>`pack.yaml` (kind RulePack): who the pack is and which derived fact types it declares.</summary>
public sealed record PackDocument(
    string Name,
    string Version,
    string? Description,
    IReadOnlyList<string> Maintainers,
    IReadOnlyList<DerivedFactDeclaration> DerivedFacts,
    SourceMark Mark);

/// <summary>A fact type a pack's rules derive (`derivedFacts:` in pack.yaml), e.g. SnatExemptDestination.</summary>
public sealed record DerivedFactDeclaration(
    string Name,
    string? Description,
    IReadOnlyList<FieldDeclaration> Fields,
    SourceMark Mark);

/// <summary>One typed field of a derived fact type: `Destination: IPAddress`.</summary>
public sealed record FieldDeclaration(string Name, string TypeName, SourceMark Mark);
