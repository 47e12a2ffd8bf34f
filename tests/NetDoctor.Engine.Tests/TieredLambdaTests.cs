using System.Linq.Expressions;
using NetDoctor.Engine.Rete;

namespace NetDoctor.Engine.Tests;

/// <summary>
/// Rule lambdas start interpreted and are compiled after <see cref="TieredLambda.CallsBeforeCompile"/> calls (issue 12:
/// start-up); both forms must give the same answers and fail the same way, or a rule would behave differently in small
/// and big runs.
/// </summary>
public sealed class TieredLambdaTests
{
    private static readonly int Calls = TieredLambda.CallsBeforeCompile * 2 + 1;

    [Fact]
    public void A_condition_answers_the_same_before_and_after_it_is_compiled()
    {
        Expression<Func<object, bool>> lambda = o => ((string)o).Length % 3 == 0 && ((string)o).StartsWith('a');
        var tiered = TieredLambda.Compile(lambda);
        var compiled = lambda.Compile();

        var inputs = Enumerable.Range(0, Calls).Select(i => (i % 2 == 0 ? "a" : "b") + new string('x', i % 7)).ToList();

        inputs.Select(tiered).ShouldBe(inputs.Select(compiled));
    }

    [Fact]
    public void A_two_argument_key_and_an_action_run_the_same_in_both_forms()
    {
        Expression<Func<int, string, string?>> key = (n, s) => n % 5 == 0 ? null : s + n;
        var tiered = TieredLambda.Compile(key);
        var seen = new List<string>();
        Expression<Action<List<string>, string>> add = (list, s) => list.Add(s.ToUpperInvariant());
        var action = TieredLambda.Compile(add);

        for (int i = 0; i < Calls; i++)
        {
            tiered(i, "k").ShouldBe(i % 5 == 0 ? null : "k" + i);
            action(seen, "v" + i);
        }

        seen.Count.ShouldBe(Calls);
        seen[^1].ShouldBe("V" + (Calls - 1));
    }

    [Fact]
    public void An_exception_in_the_body_surfaces_as_itself_interpreted_and_compiled()
    {
        Expression<Func<object, bool>> lambda = o => ((string)o).Substring(10).Length > 0;
        var tiered = TieredLambda.Compile(lambda);

        for (int i = 0; i < Calls; i++)
        {
            // The session reports a failing rule with the exception's own type and message: no wrapper around it.
            Should.Throw<ArgumentOutOfRangeException>(() => tiered("short"));
        }
    }

    [Fact]
    public void A_constant_is_evaluated_once_without_compiling()
    {
        TieredLambda.EvaluateOnce(() => (object?)("a" + "b")).ShouldBe("ab");
    }

    [Fact]
    public void A_lambda_is_not_built_until_its_first_call_and_built_once_per_form()
    {
        var counted = new CountedReduce(Expression.Constant(true));
        var parameter = Expression.Parameter(typeof(object), "o");
        var tiered = TieredLambda.Compile(Expression.Lambda<Func<object, bool>>(counted, parameter));

        counted.Reductions.ShouldBe(0);
        tiered("x").ShouldBeTrue();
        counted.Reductions.ShouldBe(1);
        for (int i = 0; i < Calls; i++) tiered("x").ShouldBeTrue();
        // Interpreted on the first call, compiled at the threshold: nothing more.
        counted.Reductions.ShouldBe(2);
    }

    [Fact]
    public void Threads_calling_a_new_lambda_at_once_build_it_once()
    {
        // A slow build, so every thread arrives while the first is still building.
        var counted = new CountedReduce(Expression.Constant(true), TimeSpan.FromMilliseconds(100));
        var parameter = Expression.Parameter(typeof(object), "o");
        var tiered = TieredLambda.Compile(Expression.Lambda<Func<object, bool>>(counted, parameter));
        using var start = new Barrier(8);

        var threads = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            tiered("x").ShouldBeTrue();
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        counted.Reductions.ShouldBe(1);
    }

    /// <summary>A node every compiler (interpreter or IL) must reduce to build it: counts how often a lambda is built.</summary>
    private sealed class CountedReduce(Expression inner, TimeSpan delay = default) : Expression
    {
        public int Reductions { get; private set; }

        public override ExpressionType NodeType => ExpressionType.Extension;

        public override Type Type => inner.Type;

        public override bool CanReduce => true;

        public override Expression Reduce()
        {
            Thread.Sleep(delay);
            Reductions++;
            return inner;
        }
    }
}
