namespace NetDoctor.Packs.Expressions.Budget;

/// <summary>Which of <see cref="ExpressionLimits"/> an evaluation went over.</summary>
public enum BudgetLimit
{
    Steps,
    Time,
    StringLength,
    AllocatedChars,
}
