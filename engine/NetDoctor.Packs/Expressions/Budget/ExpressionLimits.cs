namespace NetDoctor.Packs.Expressions.Budget;

/// <summary>
/// What one evaluation of a rule's expression may cost: one condition test, one group-by key, the fields of one derive
/// or the templates of one diagnosis. An untrusted pack can nest loops or build strings without bound; these limits
/// turn that into a stopped rule instead of a hung or killed process. The defaults are far above what the built-in
/// packs need on a 500k-fact bundle (their costliest evaluation visits a few thousand elements).
/// </summary>
/// <param name="MaxSteps">Collection elements visited plus lambda calls (each <c>Any(...)</c> element, each <c>Count()</c> item).</param>
/// <param name="MaxTime">Wall-clock time, checked at every step: catches slow steps (a regex near its timeout) as well as many fast ones.</param>
/// <param name="MaxStringLength">The longest string an expression may build (characters).</param>
/// <param name="MaxAllocatedChars">Characters of all strings an evaluation builds or passes through string-joining operations.</param>
public sealed record ExpressionLimits(long MaxSteps, TimeSpan MaxTime, int MaxStringLength, long MaxAllocatedChars)
{
    public static ExpressionLimits Default { get; } = new(
        MaxSteps: 10_000_000,
        MaxTime: TimeSpan.FromSeconds(5),
        MaxStringLength: 4 * 1024 * 1024,
        MaxAllocatedChars: 32L * 1024 * 1024);
}
