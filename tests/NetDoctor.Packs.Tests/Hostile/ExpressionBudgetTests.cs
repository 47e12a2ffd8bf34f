using System.Diagnostics;
using System.Linq.Expressions;
using NetDoctor.Engine;
using NetDoctor.Packs.Expressions.Budget;
using NetDoctor.Packs.Running;
using NetDoctor.Packs.Tests.TestFacts;
using NRules.RuleModel;

namespace NetDoctor.Packs.Tests.Hostile;

/// <summary>
/// Issue #13, defects 6 and 7: an untrusted pack's expression that loops or allocates without bound is stopped within
/// its evaluation budget, with an error naming the rule, the pack and the limit — never a hang, an overflow or a
/// multi-gigabyte allocation.
/// </summary>
public class ExpressionBudgetTests
{
    private const string SixNestedAny =
        "routes.Any(a => routes.Any(b => routes.Any(c => routes.Any(d => routes.Any(e => routes.Any(f => f.Metric < 0))))))";

    private const string SixLevelSelectMany =
        "routes.SelectMany(a => routes.SelectMany(b => routes.SelectMany(c => routes.SelectMany(d => routes.SelectMany(e => routes))))).Count() > 0";

    [Theory]
    [InlineData(SixNestedAny)]
    [InlineData(SixLevelSelectMany)]
    public void Nested_loops_over_75_routes_stop_at_the_step_budget(string condition)
    {
        using var pack = HostilePack.OverRoutes(condition);
        var clock = Stopwatch.StartNew();

        var error = Should.Throw<ExpressionBudgetExceededException>(() => EvaluateCondition(pack, HostilePack.Routes(75)));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        // 10 million steps take about a second in a Release build; a Debug build on a busy machine may reach 5 s first.
        error.Limit.ShouldBeOneOf(BudgetLimit.Steps, BudgetLimit.Time);
        error.Message.ShouldBe(error.Limit == BudgetLimit.Steps
            ? "rule 'hostile/rule' of pack 'hostile' was stopped: one evaluation of its expressions went over the limit of 10,000,000 steps (collection elements visited and lambda calls)"
            : "rule 'hostile/rule' of pack 'hostile' was stopped: one evaluation of its expressions went over the limit of 5 s (time of one evaluation)");
    }

    [Theory]
    [InlineData(EngineKind.Indexed)]
    [InlineData(EngineKind.NRules)]
    public void A_rule_over_budget_fails_alone_naming_the_rule_pack_and_limit_on_both_engines(EngineKind engine)
    {
        using var pack = HostilePack.OverRoutes(SixNestedAny);
        var clock = Stopwatch.StartNew();

        var run = new DiagnosisRunner(pack.Load(), engine).Run(HostilePack.Routes(75));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        // Fault isolation (issue 13, item 8): the run is not stopped; the rule is disabled and reported.
        run.Error.ShouldBeNull();
        run.Incomplete.ShouldBeTrue();
        var failure = run.RuleFailures.ShouldHaveSingleItem();
        failure.RuleId.ShouldBe("hostile/rule");
        failure.Pack.ShouldBe("hostile");
        failure.Stage.ShouldBe(RuleFailureStage.Condition);
        failure.ExceptionType.ShouldBe(nameof(ExpressionBudgetExceededException));
        failure.Facts.Count.ShouldBe(RuleFailureInfo.MaxFacts);
        failure.MoreFacts.ShouldBe(75 - RuleFailureInfo.MaxFacts);
        failure.Message.ShouldStartWith("rule hostile/rule failed on [Route 10.0.0.0/24");
        failure.Message.ShouldContain("(k8s01/ip-route.txt:1)");
        failure.Message.ShouldContain("… 65 more]: rule 'hostile/rule' of pack 'hostile' was stopped");
        failure.Message.ShouldMatch("10,000,000 steps|5 s");
        failure.Message.ShouldEndWith("(pack hostile, in a condition, ExpressionBudgetExceededException)");
    }

    [Fact]
    public void A_heavy_but_bounded_condition_still_runs()
    {
        // 1,000 x 1,000 = a million steps: ten times under the budget.
        using var pack = HostilePack.OverRoutes("routes.Any(a => routes.Any(b => a.Metric + b.Metric == 2001))");

        EvaluateCondition(pack, HostilePack.Routes(1000)).ShouldBe(false);
    }

    [Theory]
    [InlineData("routes.Select(a => \"x\".PadLeft(500000000)).ToList().Count > 0", "PadLeft", "'PadLeft' would build a string of 500,000,000 characters; rule expressions may build at most 4,194,304")]
    [InlineData("\"x\".PadLeft(1000000000).Length > 0", "PadLeft", "'PadLeft' would build a string of 1,000,000,000 characters; rule expressions may build at most 4,194,304")]
    [InlineData("routes.Count.ToString(\"D999999999\") != \"\"", "ToString", "'ToString' would build a string of 999,999,999 characters; rule expressions may build at most 4,194,304")]
    [InlineData("string.Format(\"{0}\", routes.Count) != \"\"", "Format", "'string.Format' is not available in rule expressions: use a template ('{{ }}') or '+'")]
    public void A_constant_size_over_the_limit_is_rejected_at_load_where_it_is_written(string condition, string at, string message)
    {
        using var pack = HostilePack.OverRoutes(condition);

        var packs = pack.Load();

        var error = packs.Diagnostics.ShouldHaveSingleItem();
        error.Message.ShouldBe(message);
        error.Mark.Line.ShouldBe(HostilePack.WhereLine);
        error.Mark.Column.ShouldBe(HostilePack.WhereColumn + condition.IndexOf(at, StringComparison.Ordinal));
        packs.Rules.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("routes.Select(a => \"x\".PadLeft(a.Metric.Value * 100000000)).ToList().Count > 0", BudgetLimit.StringLength)]
    [InlineData("string.Join(\",\", routes.Select(a => \"x\".PadLeft(3000000))).Length > 0", BudgetLimit.AllocatedChars)]
    [InlineData("routes.Select(a => string.Join(\",\", routes.Select(b => \"x\".PadLeft(1000000)))).ToList().Count > 0", BudgetLimit.AllocatedChars)]
    [InlineData("routes.Select(a => a.Device.Replace(\"e\", \"x\".PadLeft(4000000))).ToList().Count > 0", BudgetLimit.StringLength)]
    [InlineData("routes.Select(a => a.Device + \"x\".PadLeft(4000000)).ToList().Count > 0", BudgetLimit.AllocatedChars)]
    [InlineData("routes.Any(a => a.Metric.Value.ToString(a.Device).Length > 0)", BudgetLimit.StringLength)]
    public void A_size_known_only_at_run_time_stops_the_evaluation_before_a_large_allocation(string condition, BudgetLimit limit)
    {
        using var pack = HostilePack.OverRoutes(condition);
        pack.Load().Diagnostics.ShouldBeEmpty();
        // The last case formats a number with the route's device as format string.
        var routes = HostilePack.Routes(75, device: condition.Contains("ToString(a.Device)", StringComparison.Ordinal) ? "D999999999" : "eth0");
        long before = GC.GetAllocatedBytesForCurrentThread();

        var error = Should.Throw<ExpressionBudgetExceededException>(() => EvaluateCondition(pack, routes));

        error.Limit.ShouldBe(limit);
        error.RuleId.ShouldBe("hostile/rule");
        // The allocation budget is 32 Mi characters (64 MiB); a few copies of it at most, never gigabytes.
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(512L * 1024 * 1024);
    }

    [Fact]
    public void Plain_conditions_keep_their_exact_shape_so_the_engine_can_index_and_share_them()
    {
        using var pack = HostilePack.OverRoutes("routes.Count == 3");

        var condition = Conditions(pack).ShouldHaveSingleItem();

        condition.Body.ToString().ShouldBe("(routes.Count == 3)");
    }

    [Fact]
    public void An_equality_is_metered_side_by_side_so_it_stays_an_equality()
    {
        using var pack = HostilePack.OverRoutes("routes.Count(r => r.Metric > 1) == 3");

        var condition = Conditions(pack).ShouldHaveSingleItem();

        condition.Body.NodeType.ShouldBe(ExpressionType.Equal);
        condition.Body.ToString().ShouldContain("End(");
    }

    /// <summary>Evaluates the rule's collect condition directly, as the engine's compiled condition would.</summary>
    private static object? EvaluateCondition(HostilePack pack, IReadOnlyList<Route> routes)
    {
        var condition = Conditions(pack).ShouldHaveSingleItem();
        try
        {
            return condition.Compile().DynamicInvoke(routes);
        }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    private static IReadOnlyList<LambdaExpression> Conditions(HostilePack pack)
    {
        var packs = pack.Load();
        packs.Diagnostics.ShouldBeEmpty();
        return packs.Rules.Single().Definition.LeftHandSide.ChildElements.OfType<PatternElement>()
            .SelectMany(p => p.Expressions.Find(PatternElement.ConditionName)).Select(e => e.Expression).ToList();
    }
}
