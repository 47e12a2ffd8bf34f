namespace NetDoctor.Packs.Model;

/// <summary>One element of a rule's `when:` list. Elements are matched in order; a binding is in scope after its element.</summary>
public abstract record WhenElement(SourceMark Mark);

/// <summary>`{fact: IpPool, as: pool, where: [...]}`.</summary>
public sealed record PatternDocument(string Fact, SourceMark FactMark, string As, SourceMark AsMark, IReadOnlyList<Expr> Where, SourceMark Mark)
    : WhenElement(Mark);

/// <summary>`not: {pattern}`: no fact matches.</summary>
public sealed record NotDocument(PatternDocument Pattern, SourceMark Mark) : WhenElement(Mark);

/// <summary>`exists: {pattern}`: at least one fact matches (matched once).</summary>
public sealed record ExistsDocument(PatternDocument Pattern, SourceMark Mark) : WhenElement(Mark);

/// <summary>The three aggregate forms of a when element.</summary>
public enum AggregateForm
{
    Collect,
    Count,
    GroupBy,
}

/// <summary>
/// `{collect|count|groupBy: {pattern (+ key, element for groupBy)}, as: name, where: [...]}`: the source pattern's
/// binding is visible only inside it; the aggregate's result is bound to <see cref="As"/>.
/// </summary>
public sealed record AggregateDocument(
    AggregateForm Form,
    PatternDocument Source,
    Expr? Key,
    Expr? Element,
    string As,
    SourceMark AsMark,
    IReadOnlyList<Expr> Where,
    SourceMark Mark) : WhenElement(Mark);

/// <summary>
/// `forall: {fact, as, where, require}`: every fact matching the pattern (its `where`) also meets every `require`
/// condition; holds when there is no such fact too.
/// </summary>
public sealed record ForAllDocument(PatternDocument Pattern, IReadOnlyList<Expr> Require, SourceMark Mark) : WhenElement(Mark);
