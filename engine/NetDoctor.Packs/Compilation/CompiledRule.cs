using NetDoctor.Engine.RuleModel;
using NetDoctor.Packs.Model;

namespace NetDoctor.Packs.Compilation;

/// <summary>A YAML rule compiled to the engine's model, with where it came from and what its actions do.</summary>
public sealed record CompiledRule(string Pack, RuleDocument Document, RuleDefinition Definition)
{
    public string Id => Definition.Id;

    public bool Diagnoses => Document.Diagnose is not null;

    /// <summary>The derived fact type name this rule inserts, if any.</summary>
    public string? Derives => Document.Derive?.Fact;

    public SourceMark Mark => Document.Mark;
}
