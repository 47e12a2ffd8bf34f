using NetDoctor.Engine;
using NetDoctor.Packs.Types;

namespace NetDoctor.Packs.Running;

/// <summary>One fact a failed rule was evaluating, as reports show it: type, summary and file:line (null for a derived fact).</summary>
public sealed record FailedFact(string Type, string Summary, string? Source)
{
    public override string ToString() => Source is null ? $"{Type} {Summary}" : $"{Type} {Summary} ({Source})";
}

/// <summary>
/// A rule that threw during a run and was disabled (see <see cref="ISession.RuleFailures"/>): the rest of the run went on
/// without it, and what it had derived was withdrawn. <see cref="Message"/> is the line every report shows.
/// </summary>
/// <param name="Facts">The facts it was evaluating, collected facts with their file:line; lists are flattened, at most <see cref="MaxFacts"/>.</param>
/// <param name="MoreFacts">How many facts were left out of <see cref="Facts"/>.</param>
/// <param name="ExceptionType">The exception's type name, e.g. RegexMatchTimeoutException.</param>
/// <param name="Error">The exception's message.</param>
public sealed record RuleFailureInfo(
    string RuleId,
    string? Pack,
    RuleFailureStage Stage,
    IReadOnlyList<FailedFact> Facts,
    int MoreFacts,
    string ExceptionType,
    string Error)
{
    public const int MaxFacts = 10;

    /// <summary>"rule x/y failed on [Route … (n1/ip-route.txt:4)]: message (pack x, in a condition, ArgumentNullException)".</summary>
    public string Message =>
        $"rule {RuleId} failed on [{string.Join(", ", Facts)}{(MoreFacts > 0 ? $", … {MoreFacts} more" : "")}]: {Error} " +
        $"(pack {Pack ?? "?"}, in {(Stage == RuleFailureStage.Condition ? "a condition" : "an action")}, {ExceptionType})";

    public static RuleFailureInfo Of(RuleFailure failure)
    {
        var facts = failure.Facts.SelectMany(b => FactInfo.Facts(b.Value)).ToList();
        var shown = facts.Take(MaxFacts).Select(f => new FailedFact(FactInfo.TypeName(f), FactInfo.Summary(f), FactInfo.Source(f))).ToList();
        var cause = failure.Cause;
        return new RuleFailureInfo(failure.RuleId, failure.Pack, failure.Stage, shown, facts.Count - shown.Count, cause.GetType().Name, cause.Message);
    }
}
