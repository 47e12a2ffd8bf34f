using System.Globalization;

namespace NetDoctor.Packs.Expressions.Budget;

/// <summary>
/// One evaluation of a rule's expression went over a limit of <see cref="ExpressionLimits"/> and was stopped. Thrown from
/// inside the compiled expression, so the engine treats it like any condition or action that throws: the rule fails
/// alone (a RuleFailure naming the facts it was evaluating), is disabled, and every other rule goes on.
/// </summary>
public sealed class ExpressionBudgetExceededException(string ruleId, string pack, BudgetLimit limit, string limitValue)
    : Exception($"rule '{ruleId}' of pack '{pack}' was stopped: one evaluation of its expressions went over the limit of {limitValue} ({Name(limit)})")
{
    public string RuleId { get; } = ruleId;

    public string Pack { get; } = pack;

    public BudgetLimit Limit { get; } = limit;

    /// <summary>The limit as the message shows it ("10,000,000 steps").</summary>
    public string LimitValue { get; } = limitValue;

    internal static string Describe(BudgetLimit limit, ExpressionLimits limits) => limit switch
    {
        BudgetLimit.Steps => $"{limits.MaxSteps.ToString("N0", CultureInfo.InvariantCulture)} steps",
        BudgetLimit.Time => $"{limits.MaxTime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s",
        BudgetLimit.StringLength => $"{limits.MaxStringLength.ToString("N0", CultureInfo.InvariantCulture)} characters in one string",
        _ => $"{limits.MaxAllocatedChars.ToString("N0", CultureInfo.InvariantCulture)} characters of strings built",
    };

    private static string Name(BudgetLimit limit) => limit switch
    {
        BudgetLimit.Steps => "collection elements visited and lambda calls",
        BudgetLimit.Time => "time of one evaluation",
        BudgetLimit.StringLength => "longest string",
        _ => "string allocation",
    };
}
