namespace NetDoctor.Packs.Expressions.Budget;

/// <summary>
/// The budget of one rule's expressions, called from their compiled trees (see <see cref="BudgetInstrumenter"/>):
/// <see cref="Begin"/>/<see cref="End{T}"/> bracket one evaluation, <see cref="Step{T}"/> and <see cref="Each{T}"/> count
/// loop work (<see cref="Slow{T}"/> also reads the clock), <see cref="Chars"/>, <see cref="Width"/>, <see cref="Replace"/>
/// and <see cref="Format"/> count and bound string building. The running totals live in the thread's
/// <see cref="EvaluationBudget"/>: the engine evaluates one expression at a time on a thread.
/// </summary>
public sealed class EvaluationMeter(string ruleId, string pack, ExpressionLimits limits)
{
    public string RuleId { get; } = ruleId;

    public string Pack { get; } = pack;

    public ExpressionLimits Limits { get; } = limits;

    /// <summary>Starts an evaluation: a fresh budget. Returns a value only so that a tree can evaluate it first.</summary>
    public bool Begin()
    {
        EvaluationBudget.ForThread.Open(this, explicitly: true);
        return true;
    }

    /// <summary>Ends the evaluation <see cref="Begin"/> started and passes <paramref name="value"/> through.</summary>
    public T End<T>(bool begun, T value)
    {
        _ = begun;
        EvaluationBudget.ForThread.Close();
        return value;
    }

    /// <summary>One lambda call (a predicate, a selector): counted after its body ran.</summary>
    public T Step<T>(T value)
    {
        EvaluationBudget.For(this).Tick();
        return value;
    }

    /// <summary>A call that can take long by itself (a regex near its match timeout): a step, and the clock is read after it.</summary>
    public T Slow<T>(T value)
    {
        var budget = EvaluationBudget.For(this);
        budget.Tick();
        budget.CheckTime();
        return value;
    }

    /// <summary>A collection consumed by a LINQ operator or a helper: every element is a step, every string element is charged.</summary>
    public IEnumerable<T> Each<T>(IEnumerable<T> source) => source is null ? null! : Iterate(source);

    /// <summary>A string an expression built: bounded in length and charged to the evaluation's allocation.</summary>
    public string? Chars(string? text)
    {
        if (text is not null) EvaluationBudget.For(this).Charge(text.Length);
        return text;
    }

    /// <summary>The width of <c>PadLeft</c>/<c>PadRight</c>, checked before the string is allocated.</summary>
    public int Width(int width)
    {
        EvaluationBudget.For(this).Charge(width);
        return width;
    }

    /// <summary>A format string ("D8", "{0,-20}"): a width or precision over the string limit is refused before it is used.</summary>
    public string? Format(string? format)
    {
        var budget = EvaluationBudget.For(this);
        if (FormatWidth.Largest(format) > budget.Limits.MaxStringLength) budget.Stop(BudgetLimit.StringLength);
        return format;
    }

    /// <summary>
    /// Checks the largest string <c>text.Replace(old, replacement)</c> can make before it is made (every occurrence of
    /// <paramref name="old"/> replaced), and returns <paramref name="text"/> for the call to go on with.
    /// </summary>
    public string Replace(string text, string? old, string? replacement)
    {
        if (text is not null && !string.IsNullOrEmpty(old))
        {
            long growth = Math.Max(0, (replacement?.Length ?? 0) - old.Length);
            EvaluationBudget.For(this).Charge(text.Length + text.Length / old.Length * growth);
        }
        return text!;
    }

    private IEnumerable<T> Iterate<T>(IEnumerable<T> source)
    {
        foreach (var item in source)
        {
            var budget = EvaluationBudget.For(this);
            budget.Tick();
            if (item is string text) budget.Charge(text.Length);
            yield return item;
        }
    }

    public override string ToString() => $"budget of {RuleId}";
}
