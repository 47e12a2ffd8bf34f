using System.Collections.Concurrent;
using System.Linq.Expressions;
using NetDoctor.Engine.Rete;
using NetDoctor.Facts;
using NRules.RuleModel;

namespace NetDoctor.Packs.Running;

/// <summary>
/// The facts the compiled rules can match, read from their definitions: a fact is wanted when some pattern (top level,
/// inside not/exists, the source of a collect or group-by, the base of a forall) is of its type and every condition of
/// that pattern that uses the pattern alone (an alpha condition: `rule.Table == "nat"`, `rule.Chain.StartsWith(...)`,
/// `rule.JumpsTo("KUBE-MARK-MASQ")`) holds for it. A fact no pattern could accept can never be in a match, a collection or
/// a counterexample, so the reader need not keep it (<see cref="IFactDemand"/>). A pattern whose conditions all join
/// other bindings wants every fact of its type: such a rule needs a constant pre-filter to benefit.
/// </summary>
public sealed class RuleFactDemand : IFactDemand
{
    private readonly IReadOnlyList<PatternDemand> _patterns;
    private readonly ConcurrentDictionary<Type, Func<Fact, bool>> _byType = new();

    // The method group as one delegate: `GetOrAdd(type, For)` would allocate a new one per fact asked about.
    private readonly Func<Type, Func<Fact, bool>> _for;

    private RuleFactDemand(IReadOnlyList<PatternDemand> patterns)
    {
        _patterns = patterns;
        _for = For;
    }

    public static RuleFactDemand Of(IEnumerable<IRuleDefinition> rules) =>
        new([.. rules.SelectMany(r => RulePatterns.Of(r.LeftHandSide, forAllBaseOnly: true)).Select(PatternDemand.Of)]);

    public bool Wants(Fact fact) => _byType.GetOrAdd(fact.GetType(), _for)(fact);

    private Func<Fact, bool> For(Type type)
    {
        var matching = _patterns.Where(p => p.Type.IsAssignableFrom(type)).ToList();
        if (matching.Count == 0) return static _ => false;
        if (matching.Any(p => p.Test is null)) return static _ => true;
        var tests = matching.Select(p => p.Test!).ToArray();
        return fact =>
        {
            foreach (var test in tests)
            {
                if (Holds(test, fact)) return true;
            }
            return false;
        };
    }

    // A condition that throws on a fact is the engine's to report (RuleConditionException): keep the fact so it does.
    private static bool Holds(Func<Fact, bool> test, Fact fact)
    {
        try
        {
            return test(fact);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return true;
        }
    }


    /// <summary>A pattern's type and its alpha conditions as one test (null: every fact of the type).</summary>
    private sealed record PatternDemand(Type Type, Func<Fact, bool>? Test)
    {
        public static PatternDemand Of(PatternElement pattern)
        {
            var alpha = pattern.Expressions.Find(PatternElement.ConditionName)
                .Select(e => e.Expression)
                .Where(l => l.Parameters is [var only] && only.Name == pattern.Declaration.Name && only.Type == pattern.ValueType)
                .ToList();
            if (alpha.Count == 0 || !typeof(Fact).IsAssignableFrom(pattern.ValueType)) return new PatternDemand(pattern.ValueType, null);
            var fact = Expression.Parameter(typeof(Fact), "fact");
            var typed = Expression.Convert(fact, pattern.ValueType);
            var body = alpha.Select(l => new Rebind(l.Parameters[0], typed).Visit(l.Body)).Aggregate(Expression.AndAlso);
            return new PatternDemand(pattern.ValueType, TieredLambda.Compile(Expression.Lambda<Func<Fact, bool>>(body, fact)));
        }
    }

    /// <summary>Puts the converted fact where a condition's own parameter was.</summary>
    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
