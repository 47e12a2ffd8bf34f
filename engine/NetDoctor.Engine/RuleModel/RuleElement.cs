using System.Linq.Expressions;

namespace NetDoctor.Engine.RuleModel;

/// <summary>Base of the left-hand-side tree.</summary>
public abstract record RuleElement;

/// <summary>
/// Matches facts of <see cref="Declaration"/>.Type (or a subtype) that satisfy every condition.
/// Each condition is a <see cref="LambdaExpression"/> returning bool whose parameters are named after
/// this pattern's declaration and/or declarations bound earlier in the rule (joins).
/// When <see cref="Source"/> is set, the pattern matches the results of that aggregate instead of working-memory facts.
/// </summary>
public sealed record PatternElement(
    Declaration Declaration,
    IReadOnlyList<LambdaExpression> Conditions,
    AggregateElement? Source = null) : RuleElement;

/// <summary>All children must match (the rule's top-level LHS is an AndElement).</summary>
public sealed record AndElement(IReadOnlyList<RuleElement> Children) : RuleElement;

/// <summary>Matches when no fact matches the inner pattern (given the bindings so far).</summary>
public sealed record NotElement(PatternElement Source) : RuleElement;

/// <summary>Matches once when at least one fact matches the inner pattern (given the bindings so far).</summary>
public sealed record ExistsElement(PatternElement Source) : RuleElement;

/// <summary>
/// Matches when every fact matching <see cref="BasePattern"/> also satisfies every pattern in <see cref="Patterns"/>
/// (true when there are no base facts, as in NRules).
/// </summary>
public sealed record ForAllElement(PatternElement BasePattern, IReadOnlyList<PatternElement> Patterns) : RuleElement;

/// <summary>Kinds of aggregation.</summary>
public enum AggregateKind
{
    /// <summary>Result: <c>IReadOnlyList&lt;T&gt;</c> of all matching facts (also when empty).</summary>
    Collect,

    /// <summary>Result: <c>int</c>, the number of matching facts (also when zero).</summary>
    Count,

    /// <summary>Result: one <c>IGrouping&lt;TKey, TElement&gt;</c> per key (no result for no facts). Needs <see cref="AggregateElement.KeySelector"/>.</summary>
    GroupBy,
}

/// <summary>
/// Aggregates the facts that match <see cref="Source"/> (given the bindings so far) into results that the
/// enclosing <see cref="PatternElement"/> then matches. Updated incrementally as facts come and go.
/// </summary>
/// <param name="ResultType">The enclosing pattern's declaration type.</param>
/// <param name="KeySelector">GroupBy: lambda from the source declaration to the key.</param>
/// <param name="ElementSelector">GroupBy (optional): lambda from the source declaration to the group element; identity when null.</param>
public sealed record AggregateElement(
    AggregateKind Kind,
    Type ResultType,
    PatternElement Source,
    LambdaExpression? KeySelector = null,
    LambdaExpression? ElementSelector = null) : RuleElement;
