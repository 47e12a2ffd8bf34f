using NetDoctor.Engine.RuleModel;

namespace NetDoctor.Engine;

/// <summary>What an action sees while its rule fires: the match, and operations on the session's working memory.</summary>
public interface IContext
{
    RuleDefinition Rule { get; }

    /// <summary>The facts (and aggregate results) bound to the rule's declarations in this match, in declaration order.</summary>
    IReadOnlyList<BoundFact> Facts { get; }

    /// <summary>Inserts a fact that stays until retracted explicitly.</summary>
    void Insert(object fact);

    /// <summary>
    /// Inserts a derived fact tied to this match (truth maintenance): it is retracted automatically when the match stops
    /// holding, cascading. When the match changes and the rule fires again, the n-th linked fact of the new firing
    /// replaces (updates) the n-th of the previous one instead of duplicating it; linked facts not produced again are retracted.
    /// </summary>
    void InsertLinked(object fact);

    void Update(object fact);

    void Retract(object fact);

    /// <summary>Stops <c>Fire</c> after the current action.</summary>
    void Halt();
}
