using NetDoctor.Packs.Model;
using NRules.RuleModel;

namespace NetDoctor.Packs.Compilation;

/// <summary>A YAML rule compiled to NRules' rule model, with where it came from and what its actions do.</summary>
public sealed record CompiledRule(string Pack, RuleDocument Document, IRuleDefinition Definition)
{
    public string Id => Definition.Name;

    public bool Diagnoses => Document.Diagnose is not null;

    /// <summary>The derived fact type name this rule inserts, if any.</summary>
    public string? Derives => Document.Derive?.Fact;

    public SourceMark Mark => Document.Mark;

    /// <summary>The quoted `where` text each compiled condition came from (by reference), for traces.</summary>
    public IReadOnlyDictionary<System.Linq.Expressions.LambdaExpression, string> ConditionTexts { get; init; } =
        new Dictionary<System.Linq.Expressions.LambdaExpression, string>();
}
