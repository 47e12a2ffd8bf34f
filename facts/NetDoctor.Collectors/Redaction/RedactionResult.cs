namespace NetDoctor.Collectors.Redaction;

/// <summary>A text after redaction and how many secrets were masked in it.</summary>
public sealed record RedactionResult(string Text, int Count);
