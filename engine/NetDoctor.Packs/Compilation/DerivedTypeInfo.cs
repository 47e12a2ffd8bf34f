namespace NetDoctor.Packs.Compilation;

/// <summary>An emitted derived fact type with the pack that declared it and its field names in declaration order.</summary>
public sealed record DerivedTypeInfo(string Pack, Type Type, IReadOnlyList<string> FieldNames, Model.SourceMark Mark);
