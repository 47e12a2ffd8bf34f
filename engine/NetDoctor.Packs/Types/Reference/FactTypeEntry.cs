namespace NetDoctor.Packs.Types.Reference;

/// <summary>
/// One fact type as `netdoctor types` and docs/facts.md describe it. <paramref name="Kind"/> is "raw" (collected from
/// inputs), "derived" (declared by a pack: YAML `derivedFacts:` or a C# DerivedFact class) or "diagnosis".
/// </summary>
public sealed record FactTypeEntry(string Name, string Kind, string? Description, DeclaredBy DeclaredBy, IReadOnlyList<FactFieldEntry> Fields);

/// <summary>Where a type comes from: a pack (with the line of its pack.yaml, relative to the pack, for YAML types) and/or a .NET assembly.</summary>
public sealed record DeclaredBy(string? Pack, string? Assembly, string? Source)
{
    public override string ToString() =>
        Pack is not null ? $"pack {Pack}" + (Source is null ? "" : $" ({Source})") + (Assembly is null ? "" : $" ({Assembly})") : Assembly ?? "";
}

/// <summary>
/// One field: <paramref name="Name"/> is how expressions, templates, tests and waivers write it (the C# name),
/// <paramref name="JsonName"/> how JSON output writes it (<see cref="FieldNaming.JsonName"/>). <paramref name="Settable"/>
/// says whether a test's `given` may set it; a field that is not is computed from the others (or, for Source, set to the
/// test file's line).
/// </summary>
public sealed record FactFieldEntry(string Name, string Type, string JsonName, bool Settable, bool Nullable, string? Description);
