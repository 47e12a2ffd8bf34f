using System.Diagnostics;

namespace NetDoctor.Packs.Expressions.Budget;

/// <summary>
/// What the running evaluation has spent, one per thread (the engine evaluates one expression at a time on a thread,
/// and a condition cannot call another; one object, so a step reads thread-local storage once).
/// </summary>
internal sealed class EvaluationBudget
{
    [ThreadStatic] private static EvaluationBudget? _forThread;

    private EvaluationMeter? _owner;
    private bool _explicit;
    private long _steps;
    private long _chars;
    private long _started;

    public static EvaluationBudget ForThread => _forThread ??= new EvaluationBudget();

    public ExpressionLimits Limits => _owner!.Limits;

    /// <summary>
    /// The budget <paramref name="meter"/>'s work is charged to. Inside Begin/End it is the evaluation begun, whichever
    /// meter ticks (a rule pays for what its evaluation triggers). Outside, work opens an implicit budget of its own
    /// meter (a lazy sequence enumerated while a message is rendered), which lasts until the next Begin or until another
    /// meter's work outside Begin/End: two lazily rendered messages never share one.
    /// </summary>
    public static EvaluationBudget For(EvaluationMeter meter)
    {
        var budget = ForThread;
        if (budget._owner is null || (!budget._explicit && !ReferenceEquals(budget._owner, meter))) budget.Open(meter, explicitly: false);
        return budget;
    }

    public void Open(EvaluationMeter owner, bool explicitly)
    {
        _owner = owner;
        _explicit = explicitly;
        _steps = 0;
        _chars = 0;
        _started = Stopwatch.GetTimestamp();
    }

    public void Close() => _owner = null;

    public void Tick()
    {
        if (++_steps > Limits.MaxSteps) Stop(BudgetLimit.Steps);
        // Reading the clock costs more than a step; every 32nd step bounds the overshoot to 32 cheap steps
        // (slow ones, regexes, read it themselves).
        if ((_steps & 31) == 0) CheckTime();
    }

    public void Charge(long chars)
    {
        if (chars > Limits.MaxStringLength) Stop(BudgetLimit.StringLength);
        _chars += chars;
        if (_chars > Limits.MaxAllocatedChars) Stop(BudgetLimit.AllocatedChars);
        CheckTime();
    }

    public void CheckTime()
    {
        if (Stopwatch.GetElapsedTime(_started) > Limits.MaxTime) Stop(BudgetLimit.Time);
    }

    /// <summary>Names the rule whose evaluation is running, and clears the budget for the next one.</summary>
    public void Stop(BudgetLimit limit)
    {
        var owner = _owner!;
        _owner = null;
        throw new ExpressionBudgetExceededException(owner.RuleId, owner.Pack, limit, ExpressionBudgetExceededException.Describe(limit, owner.Limits));
    }
}
